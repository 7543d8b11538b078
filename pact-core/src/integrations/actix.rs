//! actix-web 4 integration (feature `actix-web`).
//!
//! Every `#[derive(ApiError)]` type implements `actix_web::ResponseError` when this feature is
//! on, so a handler can return `Result<web::Json<T>, MyError>`. The response carries the
//! error's status and headers, `Content-Type: application/problem+json` and the problem body;
//! the error is logged first (see [`report`](crate::report::report)).
//!
//! Add [`request_id`] as a middleware to have the `x-request-id` header in logs and bodies:
//!
//! ```
//! use actix_web::{App, middleware::from_fn, web};
//!
//! let app = App::new()
//!     .wrap(from_fn(pact_core::actix::request_id))
//!     .route("/", web::get().to(|| async { "hello" }));
//! ```

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{Error, HttpResponse};

pub use super::actix_valid::*;
pub use super::actix_valid_with::*;
use crate::ApiError;
use crate::request_id::{HEADER, RequestId, scope};

/// `err`'s status as actix-web's `StatusCode` (actix-web 4 is built on `http` 0.2).
///
/// ```
/// use pact_core::{ApiError, http::StatusCode};
///
/// #[derive(Debug)]
/// struct Teapot;
/// impl std::fmt::Display for Teapot {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str("teapot") }
/// }
/// impl std::error::Error for Teapot {}
/// impl ApiError for Teapot {
///     fn status(&self) -> StatusCode { StatusCode::IM_A_TEAPOT }
///     fn code(&self) -> &str { "teapot" }
/// }
/// assert_eq!(pact_core::actix::status_code(&Teapot).as_u16(), 418);
/// ```
pub fn status_code<E: ApiError + ?Sized>(err: &E) -> StatusCode {
    StatusCode::from_u16(err.status().as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The actix-web response for `err`: what generated `ResponseError` impls return.
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
/// let response = pact_core::actix::error_response(&Locked);
/// assert_eq!(response.status().as_u16(), 423);
/// assert_eq!(response.headers().get("content-type").unwrap(), "application/problem+json");
/// ```
pub fn error_response<E: ApiError + ?Sized>(err: &E) -> HttpResponse {
    let (parts, body) = crate::problem_response(err).into_parts();
    let mut builder = HttpResponse::build(status_code(err));
    for (name, value) in &parts.headers {
        builder.append_header((name.as_str(), value.as_bytes()));
    }
    builder.body(body)
}

/// Middleware that makes the request's `x-request-id` header the
/// [current request id](crate::request_id::current) while the request is handled. A missing or
/// malformed header leaves it unset. Use it with `actix_web::middleware::from_fn`.
///
/// # Errors
/// Passes on the error of the wrapped service.
pub async fn request_id(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let id = request
        .headers()
        .get(HEADER)
        .and_then(|value| value.to_str().ok())
        .and_then(RequestId::new);
    match id {
        Some(id) => scope(id, next.call(request)).await,
        None => next.call(request).await,
    }
}
