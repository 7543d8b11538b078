#[derive(pact::Dto)]
pub struct Signup {
    #[validate(email)]
    pub age: u32,
}

fn main() {}
