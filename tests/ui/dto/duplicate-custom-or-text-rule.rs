fn no_spaces(_: &String) -> Result<(), pact::RuleError> {
    Ok(())
}

#[derive(pact::Dto)]
pub struct Signup {
    #[validate(custom(no_spaces), custom(no_spaces))]
    pub name: String,
    #[validate(prefix("https://"), prefix("https://"))]
    pub site: String,
    #[validate(must_match(site), must_match(site))]
    pub site_again: String,
}

fn main() {}
