#[derive(Debug, thiserror::Error, pact::ApiError)]
#[error("inner")]
#[api(status = 404)]
pub struct Inner;

#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error(transparent)]
    #[api(
        transparent,
        code = "inner",
        title = "Inner",
        type = "https://example.com/probs/inner",
        header("Retry-After", "5"),
        header("X-Reason", "inner")
    )]
    Inner(Inner),
}

fn main() {}
