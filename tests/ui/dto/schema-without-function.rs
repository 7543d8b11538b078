#[derive(pact::Dto)]
#[validate(schema)]
pub struct Signup {
    pub name: String,
}

fn main() {}
