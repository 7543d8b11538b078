#[derive(pact::Dto)]
pub struct Signup {
    #[validate(nested(deep))]
    pub address: String,
}

fn main() {}
