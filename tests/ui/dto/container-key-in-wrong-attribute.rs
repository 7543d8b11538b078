#[derive(pact::Dto)]
#[dto(context = ())]
pub struct Signup {
    pub name: String,
}

fn main() {}
