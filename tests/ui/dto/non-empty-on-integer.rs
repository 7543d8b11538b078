#[derive(pact::Dto)]
pub struct Signup {
    #[validate(non_empty)]
    pub age: u32,
}

fn main() {}
