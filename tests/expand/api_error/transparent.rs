// Transparent variants and structs forward every method to the inner ApiError.
#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum ServiceError {
    #[error(transparent)]
    #[api(transparent)]
    User(UserError),

    #[error("bad input")]
    #[api(status = 400)]
    BadInput,
}

#[derive(Debug, thiserror::Error, pact::ApiError)]
#[error(transparent)]
#[api(transparent)]
pub struct Wrapper {
    inner: ServiceError,
}
