//! axum 0.8 integration (feature `axum`).
//!
//! Every `#[derive(ApiError)]` type implements `axum::response::IntoResponse` when this feature
//! is on, so a handler can return `Result<Json<T>, MyError>`. The response carries the error's
//! status and headers, `Content-Type: application/problem+json` and the problem body; the error
//! is logged first (see [`report`](crate::report::report)).
//!
//! Add [`request_id`] as a middleware to have the `x-request-id` header in logs and bodies:
//!
//! ```
//! use axum::{Router, middleware, routing::get};
//!
//! let app: Router = Router::new()
//!     .route("/", get(|| async { "hello" }))
//!     .layer(middleware::from_fn(pact_core::axum::request_id));
//! ```

use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;

pub use super::axum_valid::*;
pub use super::axum_valid_with::*;
use crate::ApiError;
use crate::request_id::{HEADER, RequestId, scope};

/// The axum response for `err`: what generated `IntoResponse` impls return.
///
/// ```
/// use pact_core::{ApiError, http::StatusCode};
///
/// #[derive(Debug)]
/// struct Locked;
/// impl std::fmt::Display for Locked {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str("account locked") }
/// }
/// impl std::error::Error for Locked {}
/// impl ApiError for Locked {
///     fn status(&self) -> StatusCode { StatusCode::LOCKED }
///     fn code(&self) -> &str { "account_locked" }
/// }
///
/// let response = pact_core::axum::into_response(&Locked);
/// assert_eq!(response.status(), StatusCode::LOCKED);
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// ```
pub fn into_response<E: ApiError + ?Sized>(err: &E) -> Response {
    let (parts, body) = crate::problem_response(err).into_parts();
    Response::from_parts(parts, Body::from(body))
}

/// Middleware that makes the request's `x-request-id` header the
/// [current request id](crate::request_id::current) while the request is handled. A missing or
/// malformed header leaves it unset. Use it with `axum::middleware::from_fn`; put
/// `tower_http::request_id::SetRequestIdLayer` outside it to give every request an id.
pub async fn request_id(request: Request, next: Next) -> Response {
    let id = request
        .headers()
        .get(HEADER)
        .and_then(|value| value.to_str().ok())
        .and_then(RequestId::new);
    match id {
        Some(id) => scope(id, next.run(request)).await,
        None => next.run(request).await,
    }
}
