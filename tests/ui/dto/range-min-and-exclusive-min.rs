#[derive(pact::Dto)]
pub struct Signup {
    #[validate(range(min = 1, exclusive_min = 0))]
    pub age: u8,
}

fn main() {}
