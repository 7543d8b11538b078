#[derive(pact::Dto)]
pub struct Signup {
    #[validate(contains)]
    pub name: String,
}

fn main() {}
