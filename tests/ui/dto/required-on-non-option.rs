#[derive(pact::Dto)]
pub struct Signup {
    #[validate(required)]
    pub email: String,
}

fn main() {}
