#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 404, header("Content-Type", "text/plain"))]
    NotFound,
}

fn main() {}
