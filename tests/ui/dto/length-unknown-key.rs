#[derive(pact::Dto)]
pub struct Signup {
    #[validate(length(maximum = 20))]
    pub name: String,
}

fn main() {}
