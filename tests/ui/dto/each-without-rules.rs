#[derive(pact::Dto)]
pub struct Signup {
    #[validate(each)]
    pub tags: Vec<String>,
}

fn main() {}
