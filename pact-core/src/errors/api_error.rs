//! The [`ApiError`] trait: an error that knows how it is answered over HTTP.

use std::borrow::Cow;

use http::{HeaderMap, StatusCode};

use crate::ProblemDetails;

/// An error that knows its HTTP answer: status, stable code, client-safe message, headers and
/// an RFC 9457 problem body.
///
/// Derive it with `#[derive(pact::ApiError)]`; implement it by hand only for types the derive
/// cannot describe. Only [`status`](ApiError::status) and [`code`](ApiError::code) are
/// required. Every other method has a default, and an implementation that forwards to another
/// `ApiError` (as `#[api(transparent)]` does) forwards all of them, so whatever the inner error
/// adds to its problem body (such as a list of field errors) reaches the client unchanged.
///
/// # The message contract
/// [`message`](ApiError::message) is what the client reads in the problem's `detail`. For a
/// client error (4xx) it defaults to the error's `Display`. For a server error (5xx) it defaults
/// to a generic sentence ([`server_error_message`]): `Display` and the `source()` chain are
/// logged by [`report`](crate::report::report) and never sent.
///
/// # Example
/// ```
/// use std::borrow::Cow;
/// use pact_core::ApiError;
/// use pact_core::http::{HeaderMap, HeaderValue, StatusCode, header::RETRY_AFTER};
///
/// #[derive(Debug)]
/// struct RateLimited { retry_after_secs: u64 }
///
/// impl std::fmt::Display for RateLimited {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         f.write_str("too many requests")
///     }
/// }
/// impl std::error::Error for RateLimited {}
///
/// impl ApiError for RateLimited {
///     fn status(&self) -> StatusCode { StatusCode::TOO_MANY_REQUESTS }
///     fn code(&self) -> &str { "rate_limited" }
///     fn headers(&self, headers: &mut HeaderMap) {
///         headers.insert(RETRY_AFTER, HeaderValue::from(self.retry_after_secs));
///     }
/// }
///
/// let err = RateLimited { retry_after_secs: 30 };
/// let mut headers = HeaderMap::new();
/// err.headers(&mut headers);
/// assert_eq!(headers[RETRY_AFTER], "30");
/// assert_eq!(err.message(), "too many requests");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an `ApiError`",
    label = "`{Self}` does not say how it is answered over HTTP",
    note = "derive it with `#[derive(pact::ApiError)]`, or give this variant its own `#[api(status = ...)]` instead of `transparent`"
)]
pub trait ApiError: std::error::Error {
    /// The HTTP status of the response.
    fn status(&self) -> StatusCode;

    /// A stable, machine-readable code such as `user_not_found`, sent as the `code` member.
    ///
    /// Clients branch on it, so it must not change when the wording of a message does.
    fn code(&self) -> &str;

    /// The problem type's short summary (`title`). `None`, the default, uses the status's
    /// canonical reason phrase, as RFC 9457 asks for the `about:blank` type.
    fn title(&self) -> Option<&str> {
        None
    }

    /// The problem type URI (`type`). `None`, the default, means `about:blank`.
    fn type_uri(&self) -> Option<&str> {
        None
    }

    /// The client-facing explanation of this occurrence (`detail`).
    ///
    /// Defaults to `Display` for client errors and to [`server_error_message`] for server
    /// errors, so internal details of a 5xx never reach the client.
    fn message(&self) -> Cow<'_, str> {
        default_message(self)
    }

    /// Adds the response headers this error calls for, such as `Retry-After` or
    /// `WWW-Authenticate`. The default adds none.
    fn headers(&self, headers: &mut HeaderMap) {
        let _ = headers;
    }

    /// Adds extension members to the problem body, such as the `errors` list of a validation
    /// failure. Called by [`problem_details`](ApiError::problem_details); the default adds none.
    fn extend_problem(&self, problem: &mut ProblemDetails) {
        let _ = problem;
    }

    /// Builds the RFC 9457 body from the other methods.
    fn problem_details(&self) -> ProblemDetails {
        problem_details(self)
    }
}

/// The default [`ApiError::problem_details`]. Generated impls that override it for a
/// transparent variant call this for the others.
pub fn problem_details<E: ApiError + ?Sized>(err: &E) -> ProblemDetails {
    let mut problem = ProblemDetails::new(err.status(), err.code());
    if let Some(title) = err.title() {
        title.clone_into(&mut problem.title);
    }
    if let Some(type_uri) = err.type_uri() {
        type_uri.clone_into(&mut problem.type_uri);
    }
    problem.detail = Some(err.message().into_owned());
    err.extend_problem(&mut problem);
    problem
}

/// The default [`ApiError::message`]: `Display` for client errors, [`server_error_message`]
/// for server errors. Generated impls call it for variants without a `message` attribute.
pub fn default_message<E: ApiError + ?Sized>(err: &E) -> Cow<'_, str> {
    let status = err.status();
    if status.is_server_error() {
        Cow::Borrowed(server_error_message(status))
    } else {
        Cow::Owned(err.to_string())
    }
}

/// The generic `detail` sent for a server error in place of anything internal.
///
/// ```
/// use pact_core::{http::StatusCode, server_error_message};
/// assert_eq!(
///     server_error_message(StatusCode::SERVICE_UNAVAILABLE),
///     "The service is temporarily unavailable. Try again later."
/// );
/// ```
#[must_use]
pub fn server_error_message(status: StatusCode) -> &'static str {
    match status.as_u16() {
        501 => "The server does not support this operation.",
        502 | 504 => "An upstream service failed to answer in time.",
        503 => "The service is temporarily unavailable. Try again later.",
        _ => "The server could not complete the request. The error has been logged.",
    }
}

impl<E: ApiError> ApiError for Box<E> {
    fn status(&self) -> StatusCode {
        (**self).status()
    }
    fn code(&self) -> &str {
        (**self).code()
    }
    fn title(&self) -> Option<&str> {
        (**self).title()
    }
    fn type_uri(&self) -> Option<&str> {
        (**self).type_uri()
    }
    fn message(&self) -> Cow<'_, str> {
        (**self).message()
    }
    fn headers(&self, headers: &mut HeaderMap) {
        (**self).headers(headers);
    }
    fn extend_problem(&self, problem: &mut ProblemDetails) {
        (**self).extend_problem(problem);
    }
    fn problem_details(&self) -> ProblemDetails {
        (**self).problem_details()
    }
}
