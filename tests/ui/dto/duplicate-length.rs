#[derive(pact::Dto)]
pub struct Signup {
    #[validate(length(min = 1))]
    #[validate(length(max = 10))]
    pub email: String,
}

fn main() {}
