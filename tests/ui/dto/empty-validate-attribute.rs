#[derive(pact::Dto)]
pub struct Signup {
    #[validate()]
    pub name: String,
}

fn main() {}
