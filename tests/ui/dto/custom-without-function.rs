#[derive(pact::Dto)]
pub struct Signup {
    #[validate(custom)]
    pub email: String,
}

fn main() {}
