#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 404, message = "user {1} not found")]
    NotFound(u64),
    #[error("no field")]
    #[api(status = 400, message = "bad {0}")]
    Bad,
    #[error("conflict")]
    #[api(status = 409, message = "{0} conflicts with {2}")]
    Conflict(u64, u64),
}

fn main() {}
