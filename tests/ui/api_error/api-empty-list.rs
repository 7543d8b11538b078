#[derive(Debug, thiserror::Error, pact::ApiError)]
#[api()]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 404)]
    NotFound,
    #[error("conflict")]
    #[api()]
    #[api(status = 409)]
    Conflict,
}

fn main() {}
