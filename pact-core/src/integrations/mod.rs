//! Framework integrations, each behind its cargo feature.

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;

#[cfg(feature = "actix-web")]
mod actix_valid;
#[cfg(feature = "actix-web")]
mod actix_valid_with;
#[cfg(feature = "axum")]
mod axum_valid;
#[cfg(feature = "axum")]
mod axum_valid_with;

/// What every `Valid<...>` extractor does once the framework has deserialized the value:
/// sanitise, then validate (a violation is a 422 `Rejection`).
fn accept<T: crate::Normalize + crate::Validate>(mut value: T) -> Result<T, crate::Rejection> {
    value.normalize();
    value.validate()?;
    Ok(value)
}

/// [`accept`] for the `ValidWith<..., C>` extractors: validation with the context `ctx`.
fn accept_with<T, C>(mut value: T, ctx: &C) -> Result<T, crate::Rejection>
where
    T: crate::Normalize + crate::ValidateWith<C>,
{
    value.normalize();
    value.validate_with(ctx)?;
    Ok(value)
}

// `ValidationErrors` answers like every other `ApiError` (422 problem+json with the `errors`
// list) when a handler returns it, as `RepoError` does: `Result<Json<T>, ValidationErrors>`.
crate::__api_error_integrations! { {} {crate::ValidationErrors} {} }
