#[derive(pact::Dto)]
pub struct Signup {
    #[validate(custom(check, context))]
    pub email: String,
}

fn check(_: &String, _: &()) -> Result<(), pact::RuleError> { Ok(()) }

fn main() {}
