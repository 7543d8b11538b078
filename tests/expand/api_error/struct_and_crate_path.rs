// A struct error, and `crate = ...` for a renamed dependency.
#[derive(Debug, thiserror::Error, pact::ApiError)]
#[error("quota of {limit} exceeded")]
#[api(crate = ::my_pact, status = 429, code = "quota_exceeded", message = "quota of {limit} requests exceeded", header("Retry-After", "{retry_after}"))]
pub struct QuotaExceeded {
    limit: u32,
    retry_after: u64,
}

#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum Never {}
