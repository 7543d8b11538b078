#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 404, message = "user {id:>width$} not found")]
    NotFound { id: u64 },
}

fn main() {}
