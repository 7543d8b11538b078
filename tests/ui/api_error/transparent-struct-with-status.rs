#[derive(Debug, thiserror::Error, pact::ApiError)]
#[error("inner")]
#[api(status = 404)]
pub struct Inner;

#[derive(Debug, thiserror::Error, pact::ApiError)]
#[error(transparent)]
#[api(transparent, status = NOT_FOUND)]
pub struct Outer(Inner);

fn main() {}
