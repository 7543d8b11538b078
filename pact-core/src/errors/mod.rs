//! The error pattern's runtime: the [`ApiError`] trait, RFC 9457 [`ProblemDetails`], the one
//! place errors are logged ([`report`]), the request id that logs and bodies carry
//! ([`request_id`]), extractor rejections, and the framework-neutral response builder.

mod api_error;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) mod parser_message;
mod problem;
mod rejection;
pub mod report;
pub mod request_id;
mod response;

pub use api_error::{ApiError, server_error_message};
pub use api_error::{default_message, problem_details};
pub(crate) use problem::name;
pub use problem::{ABOUT_BLANK, FieldError, PROBLEM_JSON, Params, ProblemDetails};
pub use rejection::Rejection;
pub use response::problem_response;
