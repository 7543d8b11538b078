#[derive(pact::Dto)]
pub struct Signup {
    #[validate(length(min = 0))]
    pub name: String,
}

fn main() {}
