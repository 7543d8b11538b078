#[derive(Debug, thiserror::Error, pact::ApiError)]
#[api(status = 503, header("X-Region", "eu-1", public))]
pub enum UserError {
    #[error("down")]
    Down,
}

fn main() {}
