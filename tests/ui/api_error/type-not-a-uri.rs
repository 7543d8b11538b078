#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 404, type = "https://example.com/probs/{code}")]
    NotFound,
    #[error("bad")]
    #[api(status = 400, type = "https://example.com/probs/bad%zz")]
    Bad,
    #[error("gone")]
    #[api(status = 410, type = "https://example.com/probs/gōne")]
    Gone,
}

fn main() {}
