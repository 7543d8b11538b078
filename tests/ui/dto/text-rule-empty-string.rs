#[derive(pact::Dto)]
pub struct Signup {
    #[validate(contains(""))]
    pub a: String,
    #[validate(does_not_contain(""))]
    pub b: String,
    #[validate(prefix(""), suffix(""))]
    pub c: String,
}

fn main() {}
