#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(crate = pact, status = 404)]
    NotFound,
}

fn main() {}
