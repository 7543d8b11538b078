#[derive(pact::Dto)]
#[validate(schema(check, code = "bad code"))]
pub struct Signup {
    #[validate(email(code = ""))]
    pub email: String,
    #[validate(length(max = 5, code = "too\u{202e}long"))]
    pub name: String,
    #[validate(required(code = "tab\there"))]
    pub nick: Option<String>,
    #[validate(must_match(email, code = "line\nbreak"))]
    pub email_again: String,
}

fn check(_: &Signup) -> Result<(), pact::RuleError> {
    Ok(())
}

fn main() {}
