//! Runtime traits and types behind the [`pact`](https://docs.rs/pact) derive macros.
//!
//! Most users depend on the `pact` facade crate, which re-exports everything here together
//! with the derives. This crate holds:
//!
//! - [`ApiError`]: an error that knows its HTTP status, a stable machine-readable code and a
//!   client-safe message, and turns into an RFC 9457 [`ProblemDetails`] body;
//! - [`report`]: the one place where errors are logged (5xx with their whole `source()` chain);
//! - [`request_id`]: the request id that logs and problem bodies carry, when one is known;
//! - framework integrations behind the `axum` and `actix-web` features.
//!
//! ```
//! use pact_core::{ApiError, ProblemDetails};
//! use pact_core::http::StatusCode;
//!
//! #[derive(Debug)]
//! struct OutOfCredit { balance: u32 }
//!
//! impl std::fmt::Display for OutOfCredit {
//!     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
//!         write!(f, "your balance is {}", self.balance)
//!     }
//! }
//! impl std::error::Error for OutOfCredit {}
//!
//! impl ApiError for OutOfCredit {
//!     fn status(&self) -> StatusCode { StatusCode::FORBIDDEN }
//!     fn code(&self) -> &str { "out_of_credit" }
//! }
//!
//! let problem: ProblemDetails = OutOfCredit { balance: 30 }.problem_details();
//! assert_eq!(problem.status, 403);
//! assert_eq!(problem.code, "out_of_credit");
//! assert_eq!(problem.detail.as_deref(), Some("your balance is 30"));
//! ```
#![warn(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod dto;
mod errors;
pub mod repository;
pub mod validation;

#[cfg(any(feature = "axum", feature = "actix-web"))]
mod integrations;

#[cfg(feature = "axum")]
pub use integrations::axum;

#[cfg(feature = "openapi")]
pub mod openapi;

#[cfg(feature = "actix-web")]
pub use integrations::actix;

pub use dto::{ApplyTo, Changes, Patch};
pub use errors::{
    ABOUT_BLANK, ApiError, FieldError, PROBLEM_JSON, Params, ProblemDetails, Rejection,
    problem_response, report, request_id, server_error_message,
};
#[cfg(feature = "mysql")]
pub use repository::MySqlRepository;
#[cfg(feature = "postgres")]
pub use repository::PgRepository;
#[cfg(feature = "sqlite")]
pub use repository::SqliteRepository;
pub use repository::{Entity, MemoryRepository, Page, PageRequest, RepoError, Sort, SqlRepository};
/// The sqlx version the SQL repositories are built on, so pools and options match.
#[cfg(feature = "_sqlx")]
pub use sqlx;
pub use validation::{Normalize, RuleError, Validate, ValidateWith, ValidationErrors};

/// The `http` crate, whose [`StatusCode`](http::StatusCode) and
/// [`HeaderMap`](http::HeaderMap) appear in [`ApiError`].
pub use http;

#[doc(hidden)]
pub mod __private;
