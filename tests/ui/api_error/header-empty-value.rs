#[derive(Debug, thiserror::Error, pact::ApiError)]
#[api(header("Cache-Control", ""))]
pub enum UserError {
    #[error("teapot")]
    #[api(status = 418, header("X-Reason", "  "))]
    Teapot,
}

fn main() {}
