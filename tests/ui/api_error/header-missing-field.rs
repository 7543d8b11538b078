#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("too many requests")]
    #[api(status = 429, header("Retry-After", "{retry_afetr}"))]
    RateLimited { retry_after: u64 },
}

fn main() {}
