#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("created")]
    #[api(status = 201)]
    Created,
}

fn main() {}
