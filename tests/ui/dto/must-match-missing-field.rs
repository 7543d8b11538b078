#[derive(pact::Dto)]
pub struct Signup {
    pub password: String,
    #[validate(must_match(pasword))]
    pub confirmation: String,
}

fn main() {}
