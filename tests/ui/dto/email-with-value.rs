#[derive(pact::Dto)]
pub struct Signup {
    #[validate(email = true)]
    pub email: String,
}

fn main() {}
