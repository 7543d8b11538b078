#[derive(pact::Dto)]
pub struct Signup {
    #[validate(pattern(abc))]
    pub name: String,
}

fn main() {}
