#[derive(pact::Dto)]
pub struct Signup {
    #[validate(range(min = 100, max = 18))]
    pub age: u8,
}

fn main() {}
