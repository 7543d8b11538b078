#[derive(pact::Dto)]
pub struct Signup {
    #[validate(length(min = 10, max = 2))]
    pub name: String,
}

fn main() {}
