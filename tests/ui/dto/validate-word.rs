#[derive(pact::Dto)]
pub struct Signup {
    #[validate]
    pub tags: Vec<String>,
}

fn main() {}
