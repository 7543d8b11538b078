#[derive(pact::Dto)]
#[validate(contex = ())]
pub struct Signup {
    pub name: String,
}

fn main() {}
