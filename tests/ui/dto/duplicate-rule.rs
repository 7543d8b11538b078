#[derive(pact::Dto)]
pub struct Signup {
    #[validate(email, length(max = 10), email)]
    pub email: String,
}

fn main() {}
