#[derive(pact::Dto)]
pub struct Signup {
    #[validate(pattern(r"^\w{1000}{1000}$"))]
    pub name: String,
}

fn main() {}
