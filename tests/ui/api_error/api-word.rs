#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api]
    NotFound,
}

fn main() {}
