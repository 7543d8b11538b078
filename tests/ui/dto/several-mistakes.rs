#[derive(pact::Dto)]
pub struct Signup {
    #[validate(lenght(max = 20))]
    pub name: String,
    #[validate(range(min = 10, max = 1))]
    pub age: u8,
    #[validate(contains(""))]
    pub email: String,
}

fn main() {}
