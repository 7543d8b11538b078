#[derive(pact::Dto)]
pub struct Signup {
    #[validate(length(max = 10, bytes = false))]
    pub name: String,
}

fn main() {}
