#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 404, code = "user_not_found", code = "missing_user")]
    NotFound,
}

fn main() {}
