#[derive(pact::Dto)]
pub struct Signup {
    #[validate(length(equal = 6, min = 1))]
    pub code: String,
}

fn main() {}
