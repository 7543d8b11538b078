#[derive(pact::Dto)]
pub struct Signup {
    #[validate(each())]
    pub tags: Vec<String>,
    #[validate(keys())]
    pub scores: std::collections::BTreeMap<String, u8>,
}

fn main() {}
