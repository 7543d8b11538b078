#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("too many requests")]
    #[api(status = 429, header("Retry-After", "5"), header("retry-after", "10"))]
    RateLimited,
}

fn main() {}
