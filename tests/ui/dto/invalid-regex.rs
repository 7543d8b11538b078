#[derive(pact::Dto)]
pub struct Signup {
    #[validate(pattern("[a-z"))]
    pub name: String,
}

fn main() {}
