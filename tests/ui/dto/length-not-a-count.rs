#[derive(pact::Dto)]
pub struct Signup {
    #[validate(length(max = "10"))]
    pub name: String,
    #[validate(length(min = -1))]
    pub nick: String,
    #[validate(length(equal = 2.5))]
    pub code: String,
}

fn main() {}
