#[derive(Debug, thiserror::Error, pact::ApiError)]
#[api(header("Retry-After", "{}"))]
pub enum UserError {
    #[error("too many requests")]
    #[api(status = 429)]
    RateLimited(u64),
    #[error("unavailable")]
    #[api(status = 503)]
    Unavailable(u64),
}

fn main() {}
