#[derive(pact::Dto)]
pub struct Signup {
    #[validate(custom(check_name))]
    pub name: String,
}

fn check_name(_: &str) -> bool {
    true
}

fn main() {}
