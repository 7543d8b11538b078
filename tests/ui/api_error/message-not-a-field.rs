#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 404, message = "user {user.id} not found")]
    NotFound { user: u64 },
}

fn main() {}
