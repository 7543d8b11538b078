#[derive(pact::Dto)]
pub struct Signup {
    #[validate(must_match(password))]
    pub password: String,
}

fn main() {}
