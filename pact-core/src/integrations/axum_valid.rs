//! `Valid<...>` extractors for axum.
//!
//! They run axum's own `Json`, `Query` and `Form` extractors, then [`Normalize`] and
//! [`Validate`] the value, and refuse the request with a [`Rejection`], which answers as
//! `application/problem+json`, never as axum's plain-text rejections.

use std::ops::{Deref, DerefMut};

use axum::Json;
use axum::extract::rejection::{FormRejection, JsonRejection, QueryRejection};
use axum::extract::{Form, FromRequest, FromRequestParts, Query, Request};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

use crate::Rejection;
use crate::errors::parser_message::client_message;
use crate::integrations::accept;
use crate::validation::{Normalize, Validate};

/// The media type [`Valid<Json<T>>`](Valid) reads.
const JSON: &str = "application/json";
/// The media type [`Valid<Form<T>>`](Valid) reads.
const FORM: &str = "application/x-www-form-urlencoded";

/// An extractor that deserializes a request with the wrapped axum extractor, then
/// [normalizes](Normalize::normalize) and [validates](Validate::validate) the value before the
/// handler runs.
///
/// It works with [`axum::Json`], [`axum::extract::Query`] and [`axum::extract::Form`], for any
/// `T: DeserializeOwned + Normalize + Validate` (what `#[derive(Dto)]` implements). A refused
/// request is answered with a [`Rejection`] as `application/problem+json`:
///
/// | failure | status | `code` |
/// | --- | --- | --- |
/// | `Json`: `Content-Type` missing or not JSON | 415 | `unsupported_media_type` |
/// | `Form`: `Content-Type` not `application/x-www-form-urlencoded` | 415 | `unsupported_media_type` |
/// | body, query or form that cannot be read or deserialized | 400 | `malformed_request`, the parser's message as `detail` |
/// | the body is larger than the limit (`DefaultBodyLimit`, 2 MB unless set) | 413 | `payload_too_large` |
/// | rule violations | 422 | `validation_failed`, with every violation in `errors` |
///
/// The 400 `detail` is the parser's message in JSON's terms (``expected an integer from 0 to
/// 255``, not ``expected u8``), with every piece of the client's input it echoes (a value, an
/// unknown key, the path of map keys) cut to 64 characters and `…`, and the whole message to
/// 320 characters. On axum it starts with the field's path, as in `age: invalid value: ...`.
///
/// For a type validated with a context (`#[validate(context = C)]`), use [`ValidWith`](super::axum_valid_with::ValidWith).
///
/// The handler sees the normalized value. `Valid<E>` dereferences to the value inside the
/// wrapper, and `into_inner()` unwraps it.
///
/// ```
/// use axum::{Json, Router, extract::FromRequest, routing::post};
/// use pact_core::axum::Valid;
/// use pact_core::validation::{Normalize, Path, RuleError, ValidateWith, ValidationErrors};
/// use pact_core::{ApiError, Rejection};
///
/// #[derive(Debug, serde::Deserialize)]
/// struct Signup {
///     email: String,
/// }
///
/// impl Normalize for Signup {
///     fn normalize(&mut self) {
///         self.email = self.email.trim().to_lowercase();
///     }
/// }
///
/// impl<C: ?Sized> ValidateWith<C> for Signup {
///     fn validate_into(&self, _: &C, path: &Path<'_>, errors: &mut ValidationErrors) {
///         if !self.email.contains('@') {
///             errors.push(&path.field("email"), RuleError::new("email", "must be an email address"));
///         }
///     }
/// }
///
/// async fn signup(Valid(Json(signup)): Valid<Json<Signup>>) -> String {
///     signup.email
/// }
///
/// let app: Router = Router::new().route("/signup", post(signup));
///
/// // What the router does with a request:
/// let request = |body: &'static str| {
///     axum::http::Request::post("/signup")
///         .header("content-type", "application/json")
///         .body(axum::body::Body::from(body))
///         .unwrap()
/// };
/// let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
///
/// let signup = runtime
///     .block_on(Valid::<Json<Signup>>::from_request(request(r#"{"email": " Ada@Example.COM "}"#), &()))
///     .unwrap();
/// assert_eq!(signup.email, "ada@example.com");
///
/// let refused = runtime
///     .block_on(Valid::<Json<Signup>>::from_request(request(r#"{"email": "ada"}"#), &()))
///     .unwrap_err();
/// assert_eq!(refused.status().as_u16(), 422);
/// let Rejection::Invalid(errors) = refused else { unreachable!() };
/// assert_eq!(errors.errors()[0].path, "email");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Valid<E>(pub E);

impl<S, T> FromRequest<S> for Valid<Json<T>>
where
    T: DeserializeOwned + Normalize + Validate,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let Json(value) = Json::<T>::from_request(request, state)
            .await
            .map_err(json_rejection)?;
        accept(value).map(|value| Self(Json(value)))
    }
}

impl<S, T> FromRequestParts<S> for Valid<Query<T>>
where
    T: DeserializeOwned + Normalize + Validate,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Query(value) = Query::<T>::from_request_parts(parts, state)
            .await
            .map_err(|rejection| query_rejection(&rejection))?;
        accept(value).map(|value| Self(Query(value)))
    }
}

impl<S, T> FromRequest<S> for Valid<Form<T>>
where
    T: DeserializeOwned + Normalize + Validate,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let Form(value) = Form::<T>::from_request(request, state)
            .await
            .map_err(form_rejection)?;
        accept(value).map(|value| Self(Form(value)))
    }
}

pub(super) fn json_rejection(rejection: JsonRejection) -> Rejection {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => {
            Rejection::UnsupportedMediaType { expected: JSON }
        }
        other if other.status() == http::StatusCode::PAYLOAD_TOO_LARGE => {
            Rejection::PayloadTooLarge
        }
        // Syntax and data errors, and bodies that could not be read.
        other => malformed::<serde_json::Error>(&other, &other.body_text()),
    }
}

pub(super) fn query_rejection(rejection: &QueryRejection) -> Rejection {
    malformed::<serde::de::value::Error>(rejection, &rejection.body_text())
}

/// A 400 with the parser's message as the client reads it (see `parser_message`): the field
/// path and the message are read apart from the `serde_path_to_error` error axum wraps, so
/// neither can pass for the other; `body_text` is the fallback for other failures.
fn malformed<E: std::error::Error + 'static>(
    rejection: &(dyn std::error::Error + 'static),
    body_text: &str,
) -> Rejection {
    let mut source = rejection.source();
    while let Some(error) = source {
        if let Some(error) = error.downcast_ref::<serde_path_to_error::Error<E>>() {
            let path = error.path().to_string();
            return Rejection::Malformed(client_message(Some(&path), &error.inner().to_string()));
        }
        source = error.source();
    }
    Rejection::Malformed(client_message(None, body_text))
}

pub(super) fn form_rejection(rejection: FormRejection) -> Rejection {
    match rejection {
        FormRejection::InvalidFormContentType(_) => {
            Rejection::UnsupportedMediaType { expected: FORM }
        }
        other if other.status() == http::StatusCode::PAYLOAD_TOO_LARGE => {
            Rejection::PayloadTooLarge
        }
        other => malformed::<serde::de::value::Error>(&other, &other.body_text()),
    }
}

/// The problem+json response of every [`Rejection`] (see [`into_response`](super::axum::into_response)).
impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        super::axum::into_response(&self)
    }
}

// `into_inner`, `Deref` and `DerefMut` for each supported wrapper: they reach the value `T`
// itself rather than the framework wrapper around it.
macro_rules! wrapper {
    ($wrapper:ident, $path:literal) => {
        impl<T> Valid<$wrapper<T>> {
            /// The validated value.
            ///
            /// ```
            #[doc = concat!("use ", $path, ";")]
            /// use pact_core::axum::Valid;
            ///
            #[doc = concat!("let valid = Valid(", stringify!($wrapper), "(vec![1, 2]));")]
            /// assert_eq!(valid.len(), 2); // `Deref` reaches the value
            /// assert_eq!(valid.into_inner(), [1, 2]);
            /// ```
            #[must_use]
            pub fn into_inner(self) -> T {
                self.0.0
            }
        }

        impl<T> Deref for Valid<$wrapper<T>> {
            type Target = T;

            fn deref(&self) -> &T {
                &self.0.0
            }
        }

        impl<T> DerefMut for Valid<$wrapper<T>> {
            fn deref_mut(&mut self) -> &mut T {
                &mut self.0.0
            }
        }
    };
}

wrapper!(Json, "axum::Json");
wrapper!(Query, "axum::extract::Query");
wrapper!(Form, "axum::extract::Form");
