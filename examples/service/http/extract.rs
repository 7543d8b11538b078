//! What handlers take from a request besides the body: the caller, the id in the path and the
//! `If-Match` precondition. Each refuses with a `ServiceError`, so every refusal is a problem.

use axum::extract::{FromRequestParts, Path};
use axum::http::header::{AUTHORIZATION, IF_MATCH};
use axum::http::request::Parts;

use super::AppState;
use crate::service::errors::ServiceError;
use crate::service::services::{Actor, Expected};

/// The caller, from `Authorization: Bearer <token>`: 401 when absent, invalid or expired.
#[derive(Debug, Clone, Copy)]
pub struct Auth(pub Actor);

impl FromRequestParts<AppState> for Auth {
    type Rejection = ServiceError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ServiceError> {
        let value = parts
            .headers
            .get(AUTHORIZATION)
            .ok_or(ServiceError::Unauthenticated)?;
        let value = value.to_str().map_err(|_| ServiceError::InvalidToken)?;
        let (scheme, token) = value.split_once(' ').ok_or(ServiceError::InvalidToken)?;
        if !scheme.eq_ignore_ascii_case("bearer") {
            return Err(ServiceError::InvalidToken);
        }
        state.users.tokens().verify(token.trim()).map(Self)
    }
}

/// The numeric id in the path: 400 when it is not one.
#[derive(Debug, Clone, Copy)]
pub struct Id(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for Id {
    type Rejection = ServiceError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ServiceError> {
        Path::<i64>::from_request_parts(parts, state)
            .await
            .map(|Path(id)| Self(id))
            .map_err(|_| ServiceError::InvalidId)
    }
}

/// `If-Match`: required on every write (428 without it). `"3"` expects version 3, `*` any
/// version; anything else names no version this service sent, and answers 412.
#[derive(Debug, Clone, Copy)]
pub struct IfMatch(pub Expected);

impl<S: Send + Sync> FromRequestParts<S> for IfMatch {
    type Rejection = ServiceError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ServiceError> {
        let value = parts
            .headers
            .get(IF_MATCH)
            .ok_or(ServiceError::PreconditionRequired)?;
        let expected = match value.to_str().map(str::trim) {
            Ok("*") => Expected::Any,
            Ok(tag) => tag
                .strip_prefix('"')
                .and_then(|tag| tag.strip_suffix('"'))
                .and_then(|version| version.parse().ok())
                .map_or(Expected::Never, Expected::Version),
            Err(_) => Expected::Never,
        };
        Ok(Self(expected))
    }
}

/// The `ETag` of a version.
pub fn etag(version: i64) -> String {
    format!("\"{version}\"")
}
