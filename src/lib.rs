//! # pact
//!
//! Derive macros for backend services, checked at compile time.
//!
//! `#[derive(ApiError)]` turns an error type into HTTP answers: a status per variant, a stable
//! machine-readable `code`, a client-safe message, response headers, and an RFC 9457
//! `application/problem+json` body. Server errors (5xx) send a generic message; their whole
//! `source()` chain is logged through `tracing` instead.
//!
//! ```
//! use pact::ApiError;
//!
//! #[derive(Debug, thiserror::Error, pact::ApiError)]
//! pub enum UserError {
//!     #[error("user {0} not found")]
//!     #[api(status = 404, code = "user_not_found")]
//!     NotFound(i64),
//!
//!     #[error("too many attempts")]
//!     #[api(status = TOO_MANY_REQUESTS, header("Retry-After", "{retry_after}"))]
//!     RateLimited { retry_after: u64 },
//!
//!     #[error("storage failed: {0}")]
//!     #[api(status = 500)]
//!     Storage(#[from] std::io::Error),
//! }
//!
//! let problem = UserError::NotFound(7).problem_details();
//! assert_eq!(problem.status, 404);
//! assert_eq!(problem.code, "user_not_found");
//! assert_eq!(problem.detail.as_deref(), Some("user 7 not found"));
//!
//! // 5xx: the client reads a generic sentence; the chain goes to the logs.
//! let err = UserError::Storage(std::io::Error::other("disk /dev/sda1 full"));
//! assert_eq!(err.code(), "storage");
//! assert!(!err.message().contains("sda1"));
//! ```
//!
//! With the `axum` or `actix-web` feature, every derived type is also a response
//! (`IntoResponse` / `ResponseError`), so handlers return `Result<Json<T>, UserError>`.
//!
//! `#[derive(Dto)]` validates and sanitises requests: every violation is reported at the JSON
//! path the client sent, with a stable code and the rule's params, and the valid path
//! allocates nothing. The `Valid<Json<T>>` extractors answer 400/413/415/422 problem+json.
//!
//! ```
//! use pact::Validate;
//!
//! #[derive(serde::Deserialize, pact::Dto)]
//! #[serde(rename_all = "camelCase")]
//! struct NewTag {
//!     #[dto(trim)]
//!     #[validate(length(min = 1, max = 20))]
//!     display_name: String,
//! }
//!
//! let errors = NewTag { display_name: String::new() }.validate().unwrap_err();
//! assert_eq!(errors.errors()[0].path, "displayName");
//! ```
//!
//! ## Features
//! | feature | adds |
//! | --- | --- |
//! | `axum` | `IntoResponse` for derived errors; `Valid<Json/Query/Form<T>>` extractors; [`axum::request_id`] middleware |
//! | `actix-web` | `ResponseError` for derived errors; `Valid<Json/Query/Form<T>>` extractors; [`actix::request_id`] middleware |
//! | `chrono`, `time` | `range(...)` validation rules on their date and time types; with a SQL backend, their column types |
//! | `sqlite` | [`SqliteRepository`]: repositories on SQLite (bundled, nothing to install) |
//! | `postgres` | [`PgRepository`]: repositories on PostgreSQL |
//! | `mysql` | [`MySqlRepository`]: repositories on MySQL 8 and MariaDB |
//! | `uuid` | `uuid::Uuid` ids and columns in the SQL repositories |
//! | `cache` | [`repository::cache`]: `Cached<E>`, a cache-aside decorator implementing every derived repository trait, with the in-process `LocalStore` |
//! | `redis` | the same decorator with `RedisStore`, shared by every instance of a service |
//! | `openapi` | `utoipa::ToSchema` for derived DTOs and `utoipa::IntoResponses` for derived errors (utoipa 6); see the `openapi` module |
//!
//! See the [`ApiError` derive](derive@ApiError) and the [`Dto` derive](derive@Dto) for every attribute.
#![warn(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub use pact_core::{
    ABOUT_BLANK, ApiError, ApplyTo, Changes, FieldError, Normalize, PROBLEM_JSON, Params, Patch,
    ProblemDetails, Rejection, RuleError, Validate, ValidateWith, ValidationErrors, http,
    problem_response, report, request_id, server_error_message, validation,
};

pub use pact_core::repository::{
    self, CursorPage, CursorRequest, MemoryRepository, Page, PageRequest, RepoError, Sort,
};
pub use pact_core::{Entity, SqlRepository};

#[cfg(feature = "mysql")]
pub use pact_core::MySqlRepository;
#[cfg(feature = "postgres")]
pub use pact_core::PgRepository;
#[cfg(feature = "sqlite")]
pub use pact_core::SqliteRepository;
/// The sqlx the SQL repositories are built on: use it for pools, so versions always match.
#[cfg(any(feature = "sqlite", feature = "postgres", feature = "mysql"))]
pub use pact_core::sqlx;

#[cfg(feature = "actix-web")]
pub use pact_core::actix;
#[cfg(feature = "axum")]
pub use pact_core::axum;
#[cfg(feature = "openapi")]
pub use pact_core::openapi;

#[doc = include_str!("../docs/api_error.md")]
pub use pact_derive::ApiError;

#[doc = include_str!("../docs/dto.md")]
pub use pact_derive::Dto;

#[doc = include_str!("../docs/repository.md")]
pub use pact_derive::Repository;

/// Items used by generated code. Not a public API.
#[doc(hidden)]
pub mod __private {
    pub use pact_core::__private::*;
    pub mod mapping;
    pub mod option;
}
