#[derive(pact::Dto)]
pub struct Signup {
    #[dto(lowercase, uppercase)]
    pub name: String,
}

fn main() {}
