#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 404, message = "user 0} not found")]
    NotFound(u64),
}

fn main() {}
