#[derive(pact::Dto)]
pub struct Signup {
    #[validate(palindrome)]
    pub name: String,
}

fn main() {}
