#[derive(pact::Dto)]
pub struct Signup {
    #[validate(pattern("[a-z]*"))]
    pub name: String,
    #[validate(pattern("^[0-9]*"))]
    pub digits: String,
}

fn main() {}
