//! Framework integrations, each behind its cargo feature.

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;

#[cfg(feature = "actix-web")]
mod actix_valid;
#[cfg(feature = "axum")]
mod axum_valid;

/// What every `Valid<...>` extractor does once the framework has deserialized the value:
/// sanitise, then validate (a violation is a 422 `Rejection`).
#[cfg(any(feature = "axum", feature = "actix-web"))]
fn accept<T: crate::Normalize + crate::Validate>(mut value: T) -> Result<T, crate::Rejection> {
    value.normalize();
    value.validate()?;
    Ok(value)
}

// `ValidationErrors` answers like every other `ApiError` (422 problem+json with the `errors`
// list) when a handler returns it, as `RepoError` does: `Result<Json<T>, ValidationErrors>`.
crate::__api_error_integrations! { {} {crate::ValidationErrors} {} }
