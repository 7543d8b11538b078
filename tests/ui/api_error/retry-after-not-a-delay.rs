#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("busy")]
    #[api(status = 503, header("Retry-After", "soon"))]
    Busy,
    #[error("busy for {0}s")]
    #[api(status = 503, header("Retry-After", "{0} seconds"))]
    BusyFor(u64),
    #[error("busy for {0}s")]
    #[api(status = 429, header("Retry-After", "{0:>4}"))]
    Throttled(u64),
}

fn main() {}
