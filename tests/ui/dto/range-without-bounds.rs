#[derive(pact::Dto)]
pub struct Signup {
    #[validate(range())]
    pub age: u8,
}

fn main() {}
