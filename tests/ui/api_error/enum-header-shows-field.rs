#[derive(Debug, thiserror::Error, pact::ApiError)]
#[api(header("Retry-After", "{retry_after}"))]
pub enum UserError {
    #[error("too many requests")]
    #[api(status = 429)]
    RateLimited { retry_after: u64 },
    #[error("unavailable")]
    #[api(status = 503)]
    Unavailable,
}

fn main() {}
