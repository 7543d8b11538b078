#[derive(pact::Dto)]
pub struct Signup {
    #[validate(length(min, max = 10))]
    pub name: String,
}

fn main() {}
