// A context type, custom rules with and without it, a schema check, and an enum with serde tagging.
#[derive(Debug, serde::Deserialize, pact::Dto)]
#[validate(context = Clock, schema(check_window, path = "endsAt"))]
pub struct Booking {
    #[validate(custom(not_in_past, context))]
    pub starts_at: u64,
    #[validate(custom(check_slot, code = "slot"))]
    pub slot: String,
    #[validate(required, pattern("^[A-Z]{3}$"))]
    pub currency: Option<String>,
    #[serde(flatten)]
    #[validate(nested)]
    pub payment: Payment,
}

#[derive(Debug, serde::Deserialize, pact::Dto)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Payment {
    Card {
        #[validate(credit_card)]
        number: String,
    },
    Iban(#[validate(length(min = 15, max = 34), ascii)] String),
    Cash,
}
