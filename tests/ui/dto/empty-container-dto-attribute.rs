#[derive(pact::Dto)]
#[dto()]
pub struct Signup {
    pub name: String,
}

fn main() {}
