#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = not_found)]
    NotFound,
}

fn main() {}
