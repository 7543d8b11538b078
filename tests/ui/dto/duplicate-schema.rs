#[derive(pact::Dto)]
#[validate(schema(check, path = "end"))]
#[validate(schema(check, path = "end"))]
pub struct Booking {
    pub start: u32,
    pub end: u32,
}

fn check(_: &Booking) -> Result<(), pact::RuleError> {
    Ok(())
}

fn main() {}
