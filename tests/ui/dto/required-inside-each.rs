#[derive(pact::Dto)]
pub struct Signup {
    #[validate(each(required))]
    pub tags: Vec<Option<String>>,
}

fn main() {}
