#[derive(pact::Dto)]
pub struct Signup {
    #[validate(lenght(max = 20))]
    pub name: String,
}

fn main() {}
