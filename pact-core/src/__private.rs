//! Items used by code that `pact-derive` generates. Not a public API: names and signatures may
//! change in any release.

pub use std::borrow::Cow;
pub use std::format;
pub use std::string::String;

pub use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};

pub use crate::__api_error_integrations as api_error_integrations;
pub use crate::api_error::{default_message, problem_details};

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
