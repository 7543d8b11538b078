//! Logging of errors as they become responses.
//!
//! [`report`] is called by the framework integrations for every [`ApiError`] they answer with,
//! so nothing is logged twice and nothing is missed. A server error (5xx) is logged at `ERROR`
//! level with its whole chain: `Display` and every `source()`, which the client never sees. A
//! client error (4xx) is logged at `DEBUG` level. Both carry the request id when one is known
//! (see [`request_id`](crate::request_id)).

use std::error::Error;
use std::fmt;

use crate::ApiError;
use crate::request_id::RequestId;

/// Logs `err` through `tracing`, with its `source()` chain and the current request id.
///
/// Fields of the event: `status`, `code`, `error` (the chain, joined by `": "`) and
/// `request_id` when known.
///
/// ```
/// use pact_core::{ApiError, http::StatusCode, report::report};
///
/// #[derive(Debug)]
/// struct Down;
/// impl std::fmt::Display for Down {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         f.write_str("database unreachable at 10.0.0.5")
///     }
/// }
/// impl std::error::Error for Down {}
/// impl ApiError for Down {
///     fn status(&self) -> StatusCode { StatusCode::SERVICE_UNAVAILABLE }
///     fn code(&self) -> &str { "unavailable" }
/// }
///
/// // With a tracing subscriber installed, this logs at ERROR level:
/// // status=503 code="unavailable" error=database unreachable at 10.0.0.5
/// report(&Down);
/// ```
pub fn report<E: ApiError + ?Sized>(err: &E) {
    let status = err.status();
    let request_id = crate::request_id::current();
    let request_id = request_id.as_ref().map(RequestId::as_str);
    let chain = Chain {
        head: &DisplayOf(err),
        source: err.source(),
    };
    if status.is_server_error() {
        tracing::error!(
            status = status.as_u16(),
            code = err.code(),
            request_id,
            error = %chain,
            "request failed with a server error"
        );
    } else {
        tracing::debug!(
            status = status.as_u16(),
            code = err.code(),
            request_id,
            error = %chain,
            "request rejected with a client error"
        );
    }
}

/// Displays an error followed by every error in its `source()` chain, joined by `": "`.
///
/// ```
/// use pact_core::report::ErrorChain;
///
/// let inner = std::io::Error::other("disk full");
/// #[derive(Debug)]
/// struct Outer(std::io::Error);
/// impl std::fmt::Display for Outer {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str("save failed") }
/// }
/// impl std::error::Error for Outer {
///     fn source(&self) -> Option<&(dyn std::error::Error + 'static)> { Some(&self.0) }
/// }
/// assert_eq!(ErrorChain(&Outer(inner)).to_string(), "save failed: disk full");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ErrorChain<'a>(pub &'a (dyn Error + 'a));

impl fmt::Display for ErrorChain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Chain {
            head: self.0,
            source: self.0.source(),
        }
        .fmt(f)
    }
}

struct DisplayOf<'a, E: ?Sized>(&'a E);

impl<E: fmt::Display + ?Sized> fmt::Display for DisplayOf<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

struct Chain<'a> {
    head: &'a dyn fmt::Display,
    source: Option<&'a (dyn Error + 'static)>,
}

impl fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.head.fmt(f)?;
        let mut source = self.source;
        while let Some(err) = source {
            write!(f, ": {err}")?;
            source = err.source();
        }
        Ok(())
    }
}
