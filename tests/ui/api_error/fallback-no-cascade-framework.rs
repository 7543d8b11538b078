// A mistake in `#[api]` is reported once: the stand-in impls include the framework ones, so
// handlers that return the type raise no errors of their own.
#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = NOT_FOUDN)]
    NotFound,
}

fn axum_response(_: impl axum::response::IntoResponse) {}

fn actix_response(_: impl actix_web::ResponseError) {}

fn main() {
    axum_response(UserError::NotFound);
    actix_response(UserError::NotFound);
}
