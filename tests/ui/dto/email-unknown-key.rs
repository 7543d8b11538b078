#[derive(pact::Dto)]
pub struct Signup {
    #[validate(email(mesage = "bad"))]
    pub email: String,
}

fn main() {}
