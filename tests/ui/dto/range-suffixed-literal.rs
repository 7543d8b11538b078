#[derive(pact::Dto)]
pub struct Signup {
    #[validate(range(min = 1i64, max = 10u8))]
    pub age: u8,
    #[validate(range(exclusive_max = -0.5f64))]
    pub delta: f64,
}

fn main() {}
