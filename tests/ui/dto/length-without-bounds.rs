#[derive(pact::Dto)]
pub struct Signup {
    #[validate(length())]
    pub name: String,
}

fn main() {}
