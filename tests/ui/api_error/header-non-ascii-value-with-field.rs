// Expected: "a header value must be visible ASCII" as for a static value; today the literal
// parts of a header that shows a field are not checked (static "crédit épuisé" is rejected).
#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("payment required")]
    #[api(status = 402, header("X-Reason", "crédit épuisé: {balance}"))]
    OutOfCredit { balance: i64 },
}

fn main() {}
