#[derive(Debug, thiserror::Error, pact::ApiError)]
#[api(crate = 5)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 404)]
    NotFound,
}

fn main() {}
