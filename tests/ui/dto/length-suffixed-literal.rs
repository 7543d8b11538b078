#[derive(pact::Dto)]
pub struct Signup {
    #[validate(length(max = 10u8))]
    pub name: String,
    #[validate(length(min = 1usize))]
    pub nick: String,
}

fn main() {}
