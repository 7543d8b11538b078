//! Every failure a client can cause, as an `ApiError`: the status, a stable `code`, a safe
//! message and headers, answered as RFC 9457 `application/problem+json` with the request id.

use pact::{Rejection, RepoError, ValidationErrors};

/// What the services answer when something goes wrong.
#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum ServiceError {
    /// No `Authorization: Bearer` header.
    #[error("this endpoint needs a bearer token")]
    #[api(
        status = 401,
        code = "unauthenticated",
        header("WWW-Authenticate", "Bearer")
    )]
    Unauthenticated,
    /// A token that is malformed, wrongly signed or expired.
    #[error("the bearer token is invalid or expired")]
    #[api(
        status = 401,
        code = "invalid_token",
        header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
    )]
    InvalidToken,
    /// `POST /auth/token` with an unknown email or a wrong password (the same answer for both).
    #[error("the email or the password is wrong")]
    #[api(
        status = 401,
        code = "invalid_credentials",
        header("WWW-Authenticate", "Bearer")
    )]
    InvalidCredentials,
    /// The caller may not change this resource.
    #[error("only the owner or an admin may do this")]
    #[api(status = 403, code = "forbidden")]
    Forbidden,
    /// A path segment that is not an id.
    #[error("the id in the path is not a number")]
    #[api(status = 400, code = "invalid_id")]
    InvalidId,
    /// `If-Match` names a version that is no longer the stored one.
    #[error(
        "If-Match does not name the stored version {current}; reload the resource and try again"
    )]
    #[api(status = 412, code = "stale_version", header("ETag", "\"{current}\""))]
    Stale { current: i64 },
    /// A write without `If-Match`.
    #[error("this request needs an If-Match header with the resource's ETag")]
    #[api(status = 428, code = "if_match_required")]
    PreconditionRequired,
    /// The request body or query was refused before the handler ran (400, 413, 415, 422).
    #[error(transparent)]
    #[api(transparent)]
    Rejected(#[from] Rejection),
    /// Rules a DTO's derive could not express.
    #[error(transparent)]
    #[api(transparent)]
    Invalid(#[from] ValidationErrors),
    /// 404, 409, 422, 503 or 500 as the repository says.
    #[error(transparent)]
    #[api(transparent)]
    Repository(#[from] RepoError),
    /// Hashing or signing failed: logged, never shown.
    #[error("{0}")]
    #[api(status = 500, code = "internal")]
    Internal(String),
}

/// What the middleware stack answers when it refuses a request. A response that a layer
/// produces with an error status and no problem body (the router's 404 and 405, tower-http's
/// 413 and 408) is replaced by one of these, so no error is ever plain text.
#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum HttpError {
    #[error("no route matches this path")]
    #[api(status = 404, code = "route_not_found")]
    RouteNotFound,
    #[error("this method is not allowed on this path")]
    #[api(status = 405, code = "method_not_allowed")]
    MethodNotAllowed,
    #[error("the request took longer than the server allows")]
    #[api(status = 408, code = "request_timeout")]
    Timeout,
    #[error("the request body is larger than the server accepts")]
    #[api(status = 413, code = "payload_too_large")]
    PayloadTooLarge,
    #[error("too many requests; retry after {retry_after} seconds")]
    #[api(
        status = 429,
        code = "rate_limited",
        header("Retry-After", "{retry_after}")
    )]
    TooManyRequests { retry_after: u64 },
    #[error("the request was refused")]
    #[api(status = 400, code = "bad_request")]
    BadRequest,
    #[error("the server failed to answer")]
    #[api(status = 500, code = "internal")]
    Internal,
}
