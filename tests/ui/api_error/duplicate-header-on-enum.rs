// Expected: "duplicate header `cache-control`" on the second name; today the enum's second
// header is silently dropped (valid.rs skips duplicates inherited from the enum).
#[derive(Debug, thiserror::Error, pact::ApiError)]
#[api(header("Cache-Control", "no-store"), header("cache-control", "private"))]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 404)]
    NotFound,
}

fn main() {}
