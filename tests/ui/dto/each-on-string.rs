#[derive(pact::Dto)]
pub struct Signup {
    #[validate(each(length(max = 3)))]
    pub name: String,
}

fn main() {}
