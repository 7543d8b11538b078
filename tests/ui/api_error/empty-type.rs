#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("out of credit")]
    #[api(status = 402, type = "")]
    OutOfCredit,
}

fn main() {}
