#[derive(Debug, thiserror::Error, pact::ApiError)]
#[error("inner")]
#[api(status = 404)]
pub struct Inner;

#[derive(Debug, thiserror::Error, pact::ApiError)]
#[api(transparent)]
pub enum UserError {
    #[error(transparent)]
    Inner(Inner),
}

fn main() {}
