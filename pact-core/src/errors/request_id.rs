//! The id of the request being answered, for logs and problem bodies.
//!
//! The framework middlewares (`pact::axum::request_id` and `pact::actix::request_id`) read the
//! `x-request-id` header and run the rest of the request inside [`scope`]. While it runs,
//! [`current`] returns the id: [`report`](crate::report::report) logs it and
//! [`problem_response`](crate::problem_response) adds it to the body as the `request_id`
//! extension member, so a client can quote it to support.
//!
//! Without one of the framework features there is no scope to run in, and [`current`] is
//! always `None`.

use std::fmt;
use std::sync::Arc;

/// The header the middlewares read: `x-request-id`.
///
/// ```
/// assert_eq!(pact_core::request_id::HEADER, "x-request-id");
/// ```
pub const HEADER: &str = "x-request-id";

/// Longest request id taken from a header; a longer one is ignored.
///
/// ```
/// use pact_core::request_id::{MAX_LEN, RequestId};
/// assert!(RequestId::new(&"a".repeat(MAX_LEN)).is_some());
/// assert!(RequestId::new(&"a".repeat(MAX_LEN + 1)).is_none());
/// ```
pub const MAX_LEN: usize = 128;

/// A request id: 1 to [`MAX_LEN`] visible ASCII characters. Cheap to clone.
///
/// ```
/// use pact_core::request_id::RequestId;
/// assert_eq!(RequestId::new("req-42").unwrap().as_str(), "req-42");
/// assert!(RequestId::new("").is_none());
/// assert!(RequestId::new("two\nlines").is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RequestId(Arc<str>);

impl RequestId {
    /// Accepts 1 to [`MAX_LEN`] visible ASCII characters, so an id is safe to log and to
    /// echo in a header.
    #[must_use]
    pub fn new(id: &str) -> Option<Self> {
        let ok = !id.is_empty() && id.len() <= MAX_LEN && id.bytes().all(|b| b.is_ascii_graphic());
        ok.then(|| Self(Arc::from(id)))
    }

    /// The id as text.
    ///
    /// ```
    /// # use pact_core::request_id::RequestId;
    /// assert_eq!(RequestId::new("abc").unwrap().as_str(), "abc");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(any(feature = "axum", feature = "actix-web"))]
tokio::task_local! {
    static CURRENT: RequestId;
}

/// The id of the request being answered, when a middleware or [`scope`] set one.
///
/// ```
/// assert!(pact_core::request_id::current().is_none());
/// ```
#[must_use]
pub fn current() -> Option<RequestId> {
    #[cfg(any(feature = "axum", feature = "actix-web"))]
    {
        CURRENT.try_with(RequestId::clone).ok()
    }
    #[cfg(not(any(feature = "axum", feature = "actix-web")))]
    {
        None
    }
}

/// Runs `future` with `id` as the [`current`] request id.
///
/// ```
/// # #[cfg(feature = "axum")]
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// use pact_core::request_id::{self, RequestId};
///
/// let id = RequestId::new("req-7").unwrap();
/// let seen = request_id::scope(id, async { request_id::current() }).await;
/// assert_eq!(seen.unwrap().as_str(), "req-7");
/// # });
/// ```
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub async fn scope<F: Future>(id: RequestId, future: F) -> F::Output {
    CURRENT.scope(id, future).await
}
