#[derive(Debug, thiserror::Error, pact::ApiError)]
#[error("inner")]
#[api(status = 404)]
pub struct Inner;

#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("inner")]
    #[api(transparent)]
    Inner(#[source] Inner, u32),
}

fn main() {}
