#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("too many requests")]
    #[api(status = 429, header("X-Limit", "{0}", public))]
    RateLimited(u32),
    #[error("maintenance")]
    #[api(status = 503, header("X-Window", "10:00", public))]
    Maintenance,
    #[error("busy")]
    #[api(status = 503, header("Retry-After", "{0}", public))]
    Busy(u64),
}

fn main() {}
