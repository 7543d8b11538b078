#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("conflict")]
    #[api(status = some::unknown::path::CONFLICT)]
    Conflict,
    #[error("gone")]
    #[api(status = ::GONE)]
    Gone,
    #[error("locked")]
    #[api(status = http::LOCKED)]
    Locked,
    #[error("teapot")]
    #[api(status = StatusCode::<u8>::IM_A_TEAPOT)]
    Teapot,
}

fn main() {}
