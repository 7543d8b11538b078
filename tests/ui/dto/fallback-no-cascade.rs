use pact::Validate;

#[derive(pact::Dto)]
pub struct Signup {
    #[validate(lenght(max = 20))]
    pub name: String,
}

fn main() {
    let signup = Signup { name: String::new() };
    let _ = signup.validate();
}
