#[derive(pact::Dto)]
pub struct Signup {
    // Equal as f64, apart as integers.
    #[validate(range(min = 9007199254740993, max = 9007199254740992))]
    pub id: u64,
}

fn main() {}
