#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 404)]
    #[api(status = 410)]
    NotFound,
}

fn main() {}
