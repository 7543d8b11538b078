#[derive(Debug, thiserror::Error, pact::ApiError)]
#[api(header("Cache Control", "no-store"))]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 404)]
    NotFound,
    #[error("conflict")]
    #[api(status = 409)]
    Conflict,
    #[error("gone")]
    #[api(status = 410)]
    Gone,
}

fn main() {}
