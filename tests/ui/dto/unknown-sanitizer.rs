#[derive(pact::Dto)]
pub struct Signup {
    #[dto(trimm)]
    pub name: String,
}

fn main() {}
