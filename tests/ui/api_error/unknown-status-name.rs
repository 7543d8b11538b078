#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = NOT_FOUDN)]
    NotFound,
}

fn main() {}
