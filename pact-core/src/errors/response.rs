//! Framework-neutral HTTP responses for [`ApiError`]s.

use http::header::CONTENT_TYPE;
use http::{HeaderMap, HeaderValue, Response};

use crate::{ApiError, PROBLEM_JSON};

/// Reports `err` (see [`report`](crate::report::report)) and builds its response: the status,
/// the error's headers, `Content-Type: application/problem+json` and the problem body, with the
/// current request id as the `request_id` member when one is known.
///
/// The framework integrations are thin wrappers around this function.
///
/// ```
/// use pact_core::{ApiError, problem_response, http::StatusCode};
///
/// #[derive(Debug)]
/// struct Gone;
/// impl std::fmt::Display for Gone {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str("order was deleted") }
/// }
/// impl std::error::Error for Gone {}
/// impl ApiError for Gone {
///     fn status(&self) -> StatusCode { StatusCode::GONE }
///     fn code(&self) -> &str { "order_gone" }
/// }
///
/// let response = problem_response(&Gone);
/// assert_eq!(response.status(), StatusCode::GONE);
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
/// assert_eq!(body["detail"], "order was deleted");
/// ```
pub fn problem_response<E: ApiError + ?Sized>(err: &E) -> Response<Vec<u8>> {
    crate::report::report(err);
    let mut problem = err.problem_details();
    if let Some(id) = crate::request_id::current() {
        problem
            .extensions
            .insert("request_id".to_owned(), id.as_str().into());
    }
    let body = serde_json::to_vec(&problem).unwrap_or_else(|_| FALLBACK_BODY.to_vec());

    let mut headers = HeaderMap::new();
    err.headers(&mut headers);
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));

    let mut response = Response::new(body);
    *response.status_mut() = err.status();
    *response.headers_mut() = headers;
    response
}

/// Sent only if a problem body cannot be serialized, which its plain string and number
/// members make impossible in practice.
const FALLBACK_BODY: &[u8] =
    br#"{"type":"about:blank","title":"Internal Server Error","status":500,"code":"internal"}"#;
