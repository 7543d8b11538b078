#[derive(pact::Dto)]
pub struct Signup {
    #[validate(range(min = 10, exclusive_max = 10))]
    pub age: u8,
    #[validate(range(exclusive_min = 1.5, max = 1.5))]
    pub ratio: f64,
}

fn main() {}
