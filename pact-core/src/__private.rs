//! Items used by code that `pact-derive` generates. Not a public API: names and signatures may
//! change in any release.

pub use std::borrow::Cow;
pub use std::format;
pub use std::string::String;

pub use regex::Regex;

pub use crate::validation::sanitize;

use crate::validation::{Elements, MapKeys, Path};
pub use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};

pub use crate::__api_error_integrations as api_error_integrations;
pub use crate::__cache as cache_impls;
pub use crate::__openapi as openapi_impls;
pub use crate::errors::{default_message, problem_details};

#[cfg(feature = "actix-web")]
pub use actix_web;
#[cfg(feature = "axum")]
pub use axum;
#[cfg(feature = "openapi")]
pub use utoipa;

/// The builders `#[derive(Dto)]` and `#[derive(ApiError)]` call for their utoipa impls.
#[cfg(feature = "openapi")]
pub mod openapi {
    pub use crate::openapi::Responses;
    pub use crate::openapi::build::*;
    pub use crate::openapi::problem::{KnownResponses, UnknownResponses};
    pub use serde_json::Value;
    pub use utoipa::Number;
}

/// A status the derive checked to be in 400..=599 but that has no named constant.
#[must_use]
pub fn status(code: u16) -> StatusCode {
    StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// Inserts a header whose value was formatted at run time. A value that is not a valid header
/// value (a field holding a newline, say) is left out and logged, never sent.
pub fn insert_header(headers: &mut HeaderMap, name: HeaderName, value: String) {
    if let Ok(value) = HeaderValue::try_from(value) {
        headers.append(name, value);
    } else {
        tracing::warn!(
            header = name.as_str(),
            "left out a response header whose formatted value is not a valid header value"
        );
    }
}

/// A `Retry-After` value formatted from a field at run time (the derive checked that the value
/// is one field alone). Only a number of seconds or an HTTP date (RFC 9110 10.2.3) is sent:
/// anything else, such as a string field holding an internal message, is left out and logged.
pub fn insert_retry_after(headers: &mut HeaderMap, value: String) {
    let valid = (!value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()))
        || httpdate::parse_http_date(&value).is_ok();
    match HeaderValue::try_from(value) {
        Ok(value) if valid => {
            headers.append(http::header::RETRY_AFTER, value);
        }
        _ => tracing::warn!(
            header = "retry-after",
            "left out a `Retry-After` header whose value is neither a number of seconds nor an HTTP date"
        ),
    }
}

#[cfg(feature = "axum")]
pub use crate::integrations::axum::into_response as axum_response;

#[cfg(feature = "actix-web")]
pub use crate::integrations::actix::{
    error_response as actix_error_response, status_code as actix_status_code,
};

/// Expands to the framework impls (axum `IntoResponse`, actix-web `ResponseError`) for a type
/// that implements `ApiError`, each only when its feature is on.
///
/// The derive passes the crate path the user sees (`crate = {::pact}`, or the
/// `#[api(crate = ...)]` override), so `cargo expand` shows `::pact::__private::axum`, never
/// this crate's own name; every path below goes through `__private`, which the facade
/// re-exports whole. Without `crate = {...}` (pact-core's own types) it uses `$crate`.
#[doc(hidden)]
#[macro_export]
macro_rules! __api_error_integrations {
    ({$($impl_generics:tt)*} {$($ty:tt)*} {$($where_clause:tt)*}) => {
        $crate::__api_error_integrations! {
            crate = {$crate} {$($impl_generics)*} {$($ty)*} {$($where_clause)*}
        }
    };
    (crate = {$($krate:tt)*} {$($impl_generics:tt)*} {$($ty:tt)*} {$($where_clause:tt)*}) => {
        $crate::__api_error_axum! {
            {$($krate)*} {$($impl_generics)*} {$($ty)*} {$($where_clause)*}
        }
        $crate::__api_error_actix! {
            {$($krate)*} {$($impl_generics)*} {$($ty)*} {$($where_clause)*}
        }
    };
}

#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __api_error_axum {
    ({$($krate:tt)*} {$($impl_generics:tt)*} {$($ty:tt)*} {$($where_clause:tt)*}) => {
        #[automatically_derived]
        impl $($impl_generics)* $($krate)*::__private::axum::response::IntoResponse for $($ty)*
        $($where_clause)*
        {
            fn into_response(self) -> $($krate)*::__private::axum::response::Response {
                $($krate)*::__private::axum_response(&self)
            }
        }
    };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __api_error_axum {
    ($($tt:tt)*) => {};
}

#[cfg(feature = "actix-web")]
#[doc(hidden)]
#[macro_export]
macro_rules! __api_error_actix {
    ({$($krate:tt)*} {$($impl_generics:tt)*} {$($ty:tt)*} {$($where_clause:tt)*}) => {
        #[automatically_derived]
        impl $($impl_generics)* $($krate)*::__private::actix_web::ResponseError for $($ty)*
        $($where_clause)*
        {
            fn status_code(&self) -> $($krate)*::__private::actix_web::http::StatusCode {
                $($krate)*::__private::actix_status_code(self)
            }

            fn error_response(&self) -> $($krate)*::__private::actix_web::HttpResponse {
                $($krate)*::__private::actix_error_response(self)
            }
        }
    };
}

#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __api_error_actix {
    ($($tt:tt)*) => {};
}

/// Expands to the utoipa impls the derives wrote (`ToSchema` for a DTO, `IntoResponses` for an
/// error) when the `openapi` feature is on, and to nothing when it is off, so `pact-derive`
/// needs no feature of its own. The tokens name `::pact::__private::utoipa`, which exists only
/// with the feature: off, they are dropped before anything resolves them.
#[cfg(feature = "openapi")]
#[doc(hidden)]
#[macro_export]
macro_rules! __openapi {
    ($($tokens:tt)*) => { $($tokens)* };
}

#[cfg(not(feature = "openapi"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __openapi {
    ($($tokens:tt)*) => {};
}

/// Expands to the cached repository impls the Repository derive wrote (`CacheEntity` and the
/// trait for `Cached<E>`) when a cache feature (`cache`, `redis`) is on, and to nothing
/// otherwise, as `__openapi` does.
#[cfg(feature = "_cache")]
#[doc(hidden)]
#[macro_export]
macro_rules! __cache {
    ($($tokens:tt)*) => { $($tokens)* };
}

#[cfg(not(feature = "_cache"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __cache {
    ($($tokens:tt)*) => {};
}

/// What the cached repository impls call.
#[cfg(feature = "_cache")]
pub mod cache {
    pub use crate::repository::cache::{
        CacheEntity, CacheKeyValue, Cacheable, Cached, Written, key_part,
    };
}

/// `each(...)`: calls `f` for every element of `value` with its path.
pub fn each_element<T: Elements + ?Sized>(
    value: &T,
    path: &Path<'_>,
    f: impl FnMut(&Path<'_>, &T::Element),
) {
    value.each_element(path, f);
}

/// `keys(...)`: calls `f` for every key of `value` with its path.
pub fn each_key<T: MapKeys + ?Sized>(
    value: &T,
    path: &Path<'_>,
    f: impl FnMut(&Path<'_>, &T::Key),
) {
    value.each_key(path, f);
}

/// The regex of a `pattern(...)` rule, compiled once per process. The derive checked its
/// syntax; should it still not compile (a size limit, say), it is logged and replaced by a
/// regex that matches nothing, so the rule rejects rather than panics.
#[must_use]
pub fn compile_regex(pattern: &'static str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|err| {
        tracing::error!(pattern, error = %err, "a `pattern` rule's regex failed to compile; the rule rejects every value");
        Regex::new(r"[^\s\S]").unwrap_or_else(|_| unreachable!("a constant regex compiles"))
    })
}

/// What a `custom(...)` rule function must return.
#[diagnostic::on_unimplemented(
    message = "a `custom` rule must return `Result<(), RuleError>`, not `{Self}`",
    label = "this function returns `{Self}`",
    note = "write the rule as `fn(&T) -> Result<(), pact::RuleError>` (with `context`: `fn(&T, &Context)`)"
)]
pub trait RuleResult {
    /// The rule's outcome.
    fn into_rule_result(self) -> Result<(), crate::RuleError>;
}

impl RuleResult for Result<(), crate::RuleError> {
    fn into_rule_result(self) -> Result<(), crate::RuleError> {
        self
    }
}

// ---- #[derive(Repository)] ----
pub use std::boxed::Box;
pub use std::sync::Arc;
pub use std::vec::Vec;

pub use crate::repository::timestamp::stamp as timestamp;
pub use crate::repository::{
    Backend, Column, Entity, MemoryRepository, Page, PageRequest, RepoError, SqlBackend, SqlBind,
    SqlColumn, SqlDecode, SqlEntity, SqlRepository, UnitRepository,
};
pub use crate::repository::{FieldArg, Wide};
pub use crate::repository::{SoftDeletable, Stamp, Timestamp};
// Keyset pages.
pub use crate::repository::{CursorKey, CursorRequest, KeyCodec, Keyset, SqlKeyset};

/// Binds a finder's value, or, when no stored value can equal it (text with a NUL
/// character), binds nothing and is `false`: what the derive's `SqlEntity::bind_value` calls.
///
/// # Errors
/// [`RepoError::Backend`] when the value does not encode.
#[inline]
pub fn bind_value<DB: SqlBackend, V: SqlBind<DB> + ?Sized>(
    value: &V,
    args: &mut DB::Arguments,
) -> Result<bool, RepoError> {
    if !value.can_match() {
        return Ok(false);
    }
    value.bind(args)?;
    Ok(true)
}

/// Stores a generated id in an id field of another integer type.
///
/// # Errors
/// [`RepoError::Backend`] when the value does not fit.
pub fn convert_id<T: TryFrom<i64>>(id: i64) -> Result<T, RepoError>
where
    T::Error: std::error::Error + Send + Sync + 'static,
{
    T::try_from(id).map_err(RepoError::backend)
}

/// Field conversions of `#[dto(from, into, try_into, patch)]`.
pub mod mapping {
    pub use crate::dto::mapping_convert::*;
}
