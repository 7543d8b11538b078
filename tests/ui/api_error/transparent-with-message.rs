#[derive(Debug, thiserror::Error, pact::ApiError)]
#[error("inner")]
#[api(status = 404)]
pub struct Inner;

#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error(transparent)]
    #[api(transparent, message = "something failed")]
    Inner(Inner),
}

fn main() {}
