#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 404, code = "user not found")]
    NotFound(u64),
    #[error("conflict")]
    #[api(message = "conflict")]
    Conflict,
    #[error("storage failed")]
    #[api(status = 500, message = "storage failed: {0}")]
    Storage(String),
}

fn main() {}
