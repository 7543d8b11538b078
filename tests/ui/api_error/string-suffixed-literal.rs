#[derive(Debug, thiserror::Error, pact::ApiError)]
#[api(crate = "::pact"x, title = "Problem"t)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 404, code = "user_not_found"s, message = "gone"m, type = "https://example.com/x"u)]
    NotFound,
    #[error("busy")]
    #[api(status = 429, header("Retry-After"h, "5"v))]
    Busy,
}

fn main() {}
