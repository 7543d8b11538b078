#[derive(serde::Deserialize, pact::Dto)]
#[serde(rename_all = "camelCase")]
#[validate(schema(check_dates, path = "end_dat"))]
#[validate(schema(check_dates, path = "end_date"))]
#[validate(schema(check_dates, path = "address.street"))]
#[validate(schema(check_dates, path = "nothing_like_it"))]
pub struct Booking {
    pub start_date: u32,
    pub end_date: u32,
}

fn check_dates(_: &Booking) -> Result<(), pact::RuleError> {
    Ok(())
}

fn main() {}
