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
pub use crate::errors::{default_message, problem_details};

#[cfg(feature = "actix-web")]
pub use actix_web;
#[cfg(feature = "axum")]
pub use axum;

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

/// Expands to the framework impls (axum `IntoResponse`, actix-web `ResponseError`) for a type
/// that implements `ApiError`, each only when its feature is on.
#[doc(hidden)]
#[macro_export]
macro_rules! __api_error_integrations {
    ({$($impl_generics:tt)*} {$($ty:tt)*} {$($where_clause:tt)*}) => {
        $crate::__api_error_axum! { {$($impl_generics)*} {$($ty)*} {$($where_clause)*} }
        $crate::__api_error_actix! { {$($impl_generics)*} {$($ty)*} {$($where_clause)*} }
    };
}

#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __api_error_axum {
    ({$($impl_generics:tt)*} {$($ty:tt)*} {$($where_clause:tt)*}) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::axum::response::IntoResponse for $($ty)*
        $($where_clause)*
        {
            fn into_response(self) -> $crate::__private::axum::response::Response {
                $crate::axum::into_response(&self)
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
    ({$($impl_generics:tt)*} {$($ty:tt)*} {$($where_clause:tt)*}) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::actix_web::ResponseError for $($ty)*
        $($where_clause)*
        {
            fn status_code(&self) -> $crate::__private::actix_web::http::StatusCode {
                $crate::actix::status_code(self)
            }

            fn error_response(&self) -> $crate::__private::actix_web::HttpResponse {
                $crate::actix::error_response(self)
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
pub use std::hash::{BuildHasher, RandomState};
pub use std::vec::Vec;

pub use crate::repository::{
    BoxFuture, Column, Dialect, Entity, Finder, MemoryRepository, Page, PageRequest, RepoError,
    SqlBackend, SqlBind, SqlColumn, SqlDecode, SqlEntity, SqlRepository, Statements,
};

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
