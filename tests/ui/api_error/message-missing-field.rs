#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 404, message = "user {usre_id} not found")]
    NotFound { user_id: u64 },
}

fn main() {}
