#[derive(pact::Dto)]
pub struct Signup {
    #[dto()]
    pub name: String,
}

fn main() {}
