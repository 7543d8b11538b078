#[derive(pact::Dto)]
#[validate()]
pub struct Signup {
    pub name: String,
}

fn main() {}
