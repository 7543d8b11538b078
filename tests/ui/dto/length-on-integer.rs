#[derive(pact::Dto)]
pub struct Signup {
    #[validate(length(max = 3))]
    pub age: u32,
}

fn main() {}
