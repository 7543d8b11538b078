#[derive(pact::Dto)]
pub struct Signup {
    #[validate(length())]
    pub name: String,
    #[validate(range())]
    pub age: u8,
    #[validate(email())]
    pub email: String,
}

fn main() {}
