#[derive(pact::Dto)]
pub struct Signup {
    #[validate(one_of())]
    pub sort: String,
}

fn main() {}
