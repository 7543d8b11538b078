#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("nothing")]
    #[api(transparent)]
    Nothing,
}

fn main() {}
