#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("payment required")]
    #[api(status = 402, header("X-Reason", "crédit épuisé"))]
    OutOfCredit,
}

fn main() {}
