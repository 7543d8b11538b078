#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(status(404))]
    NotFound,
    #[error("conflict")]
    #[api(status)]
    Conflict,
}

fn main() {}
