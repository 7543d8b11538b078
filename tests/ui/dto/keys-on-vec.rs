#[derive(pact::Dto)]
pub struct Signup {
    #[validate(keys(length(max = 3)))]
    pub tags: Vec<String>,
}

fn main() {}
