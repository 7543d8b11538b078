#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("payment required")]
    #[api(status = 402, header("X-Reason", "out\r\nof credit"))]
    OutOfCredit,
}

fn main() {}
