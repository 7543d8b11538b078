//! `Valid<...>` extractors for actix-web.
//!
//! They run actix-web's own `Json`, `Query` and `Form` extractors, then [`Normalize`] and
//! [`Validate`] the value, and refuse the request with a [`Rejection`], which answers as
//! `application/problem+json`, never as actix-web's plain-text errors.

use std::future::{Future, Ready, ready};
use std::ops::{Deref, DerefMut};
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::error::{JsonPayloadError, QueryPayloadError, UrlencodedError};
use actix_web::http::StatusCode;
use actix_web::web::{Form, Json, Query};
use actix_web::{FromRequest, HttpRequest, HttpResponse, ResponseError};
use serde::de::DeserializeOwned;

use crate::Rejection;
use crate::errors::parser_message::client_message;
use crate::integrations::accept;
use crate::validation::{Normalize, Validate};

/// The media type [`Valid<Json<T>>`](Valid) reads.
const JSON: &str = "application/json";
/// The media type [`Valid<Form<T>>`](Valid) reads.
const FORM: &str = "application/x-www-form-urlencoded";

/// The future of the body extractors.
pub(super) type Extraction<T> = Pin<Box<dyn Future<Output = Result<T, Rejection>>>>;

/// An extractor that deserializes a request with the wrapped actix-web extractor, then
/// [normalizes](Normalize::normalize) and [validates](Validate::validate) the value before the
/// handler runs.
///
/// It works with [`web::Json`](actix_web::web::Json), [`web::Query`](actix_web::web::Query) and
/// [`web::Form`](actix_web::web::Form), for any `T: DeserializeOwned + Normalize + Validate`
/// (what `#[derive(Dto)]` implements). A refused request is answered with a [`Rejection`] as
/// `application/problem+json`:
///
/// | failure | status | `code` |
/// | --- | --- | --- |
/// | `Json`: `Content-Type` missing or not JSON | 415 | `unsupported_media_type` |
/// | `Form`: `Content-Type` not `application/x-www-form-urlencoded` | 415 | `unsupported_media_type` |
/// | body, query or form that cannot be read or deserialized | 400 | `malformed_request`, the parser's message as `detail` |
/// | the body is larger than the limit (`JsonConfig`: 2 MB, `FormConfig`: 16 kB, unless set) | 413 | `payload_too_large` |
/// | rule violations | 422 | `validation_failed`, with every violation in `errors` |
///
/// The 400 `detail` is the parser's message in JSON's terms (``expected an integer from 0 to
/// 255``, not ``expected u8``), with every piece of the client's input it echoes (a value, an
/// unknown key, the path of map keys) cut to 64 characters and `…`, and the whole message to
/// 320 characters.
///
/// For a type validated with a context (`#[validate(context = C)]`), use [`ValidWith`](super::actix_valid_with::ValidWith).
///
/// `JsonConfig` and `FormConfig` app data still set the body limit (and, for JSON, which
/// content types are accepted); the response to a failure is always the [`Rejection`], whatever
/// their `error_handler` returns (a `415` or a `413` from it stays one, anything else becomes a
/// `400`).
///
/// The handler sees the normalized value. `Valid<E>` dereferences to the value inside the
/// wrapper, and `into_inner()` unwraps it.
///
/// ```
/// use actix_web::{App, FromRequest, test::TestRequest, web};
/// use pact_core::actix::Valid;
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
/// async fn signup(signup: Valid<web::Json<Signup>>) -> String {
///     signup.into_inner().email
/// }
///
/// let app = App::new().route("/signup", web::post().to(signup));
///
/// // What the app does with a request:
/// let extract = |body: &'static str| {
///     let (request, mut payload) = TestRequest::post()
///         .insert_header(("content-type", "application/json"))
///         .set_payload(body)
///         .to_http_parts();
///     Valid::<web::Json<Signup>>::from_request(&request, &mut payload)
/// };
/// let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
///
/// let signup = runtime.block_on(extract(r#"{"email": " Ada@Example.COM "}"#)).unwrap();
/// assert_eq!(signup.email, "ada@example.com");
///
/// let refused = runtime.block_on(extract(r#"{"email": "ada"}"#)).unwrap_err();
/// assert_eq!(refused.status().as_u16(), 422);
/// let Rejection::Invalid(errors) = refused else { unreachable!() };
/// assert_eq!(errors.errors()[0].path, "email");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Valid<E>(pub E);

impl<T> FromRequest for Valid<Json<T>>
where
    T: DeserializeOwned + Normalize + Validate + 'static,
{
    type Error = Rejection;
    type Future = Extraction<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let extraction = Json::<T>::from_request(request, payload);
        Box::pin(async move {
            let Json(value) = extraction.await.map_err(|error| json_rejection(&error))?;
            accept(value).map(|value| Self(Json(value)))
        })
    }
}

impl<T> FromRequest for Valid<Query<T>>
where
    T: DeserializeOwned + Normalize + Validate,
{
    type Error = Rejection;
    type Future = Ready<Result<Self, Rejection>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            Query::<T>::from_query(request.query_string())
                .map_err(|error| query_rejection(&error))
                .and_then(|Query(value)| accept(value))
                .map(|value| Self(Query(value))),
        )
    }
}

impl<T> FromRequest for Valid<Form<T>>
where
    T: DeserializeOwned + Normalize + Validate + 'static,
{
    type Error = Rejection;
    type Future = Extraction<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let extraction = Form::<T>::from_request(request, payload);
        Box::pin(async move {
            let Form(value) = extraction.await.map_err(|error| form_rejection(&error))?;
            accept(value).map(|value| Self(Form(value)))
        })
    }
}

pub(super) fn json_rejection(error: &actix_web::Error) -> Rejection {
    match error.as_error::<JsonPayloadError>() {
        Some(JsonPayloadError::ContentType) => Rejection::UnsupportedMediaType { expected: JSON },
        Some(other) if other.status_code() == StatusCode::PAYLOAD_TOO_LARGE => {
            Rejection::PayloadTooLarge
        }
        Some(JsonPayloadError::Deserialize(error)) => {
            Rejection::Malformed(client_message(None, &error.to_string()))
        }
        // Bodies that could not be read.
        Some(other) => Rejection::Malformed(client_message(None, &other.to_string())),
        None => foreign(error, JSON),
    }
}

pub(super) fn query_rejection(error: &QueryPayloadError) -> Rejection {
    match error {
        QueryPayloadError::Deserialize(error) => {
            Rejection::Malformed(client_message(None, &error.to_string()))
        }
        other => Rejection::Malformed(client_message(None, &other.to_string())),
    }
}

pub(super) fn form_rejection(error: &actix_web::Error) -> Rejection {
    match error.as_error::<UrlencodedError>() {
        Some(UrlencodedError::ContentType) => Rejection::UnsupportedMediaType { expected: FORM },
        Some(other) if other.status_code() == StatusCode::PAYLOAD_TOO_LARGE => {
            Rejection::PayloadTooLarge
        }
        Some(UrlencodedError::Parse(error)) => {
            Rejection::Malformed(client_message(None, &error.to_string()))
        }
        Some(other) => Rejection::Malformed(client_message(None, &other.to_string())),
        None => foreign(error, FORM),
    }
}

/// What a config's own `error_handler` returned, kept only as far as its status says.
fn foreign(error: &actix_web::Error, expected: &'static str) -> Rejection {
    let status = error.as_response_error().status_code();
    if status == StatusCode::UNSUPPORTED_MEDIA_TYPE {
        Rejection::UnsupportedMediaType { expected }
    } else if status == StatusCode::PAYLOAD_TOO_LARGE {
        Rejection::PayloadTooLarge
    } else {
        Rejection::Malformed(client_message(None, &error.to_string()))
    }
}

/// The problem+json response of every [`Rejection`] (see
/// [`error_response`](super::actix::error_response)).
impl ResponseError for Rejection {
    fn status_code(&self) -> StatusCode {
        super::actix::status_code(self)
    }

    fn error_response(&self) -> HttpResponse {
        super::actix::error_response(self)
    }
}

// `into_inner`, `Deref` and `DerefMut` for each supported wrapper: they reach the value `T`
// itself rather than the framework wrapper around it.
macro_rules! wrapper {
    ($wrapper:ident) => {
        impl<T> Valid<$wrapper<T>> {
            /// The validated value.
            ///
            /// ```
            /// use actix_web::web;
            /// use pact_core::actix::Valid;
            ///
            #[doc = concat!("let valid = Valid(web::", stringify!($wrapper), "(vec![1, 2]));")]
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

wrapper!(Json);
wrapper!(Query);
wrapper!(Form);
