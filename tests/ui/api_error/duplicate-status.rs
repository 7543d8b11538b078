#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 404, status = NOT_FOUND)]
    NotFound,
}

fn main() {}
