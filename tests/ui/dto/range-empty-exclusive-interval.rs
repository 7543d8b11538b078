#[derive(pact::Dto)]
pub struct Signup {
    #[validate(range(exclusive_min = 9, exclusive_max = 10))]
    pub age: u8,
    #[validate(range(exclusive_min = 3, exclusive_max = -3))]
    pub offset: i32,
}

fn main() {}
