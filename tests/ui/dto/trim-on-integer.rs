#[derive(pact::Dto)]
pub struct Signup {
    #[dto(trim)]
    pub age: u32,
}

fn main() {}
