//! Why an extractor refused a request before any handler ran.

use std::borrow::Cow;

use http::StatusCode;

use crate::{ApiError, ProblemDetails, ValidationErrors};

/// A request that the `Valid<...>` extractors refused, answered as problem+json:
///
/// | variant | status | code |
/// | --- | --- | --- |
/// | `Malformed` | 400 | `malformed_request` (the parser's message as `detail`) |
/// | `PayloadTooLarge` | 413 | `payload_too_large` |
/// | `UnsupportedMediaType` | 415 | `unsupported_media_type` |
/// | `Invalid` | 422 | `validation_failed`, with the `errors` list |
/// | `MissingContext` | 500 | `internal` (a server misconfiguration: logged, never sent) |
///
/// ```
/// use pact_core::{ApiError, Rejection};
///
/// let rejection = Rejection::Malformed("expected `,` or `}` at line 1 column 12".into());
/// assert_eq!(rejection.status().as_u16(), 400);
/// assert_eq!(rejection.code(), "malformed_request");
/// assert_eq!(rejection.problem_details().detail.as_deref(), Some("expected `,` or `}` at line 1 column 12"));
///
/// let rejection = Rejection::UnsupportedMediaType { expected: "application/json" };
/// assert_eq!(rejection.status().as_u16(), 415);
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum Rejection {
    /// The body, query or form could not be read or parsed into the target type.
    Malformed(String),
    /// The body is larger than the extractor's limit.
    PayloadTooLarge,
    /// The request's `Content-Type` is not what the extractor reads.
    UnsupportedMediaType {
        /// The media type the extractor expects.
        expected: &'static str,
    },
    /// The request parsed but broke validation rules.
    Invalid(ValidationErrors),
    /// A `ValidWith<..., C>` extractor found no context `C` to validate with (actix-web: no
    /// `web::Data<C>` app data). The server is misconfigured: this answers 500 with the generic
    /// message, and the type's name only reaches the logs.
    MissingContext {
        /// The context's type name.
        context: &'static str,
    },
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Malformed(message) => write!(f, "malformed request: {message}"),
            Self::PayloadTooLarge => f.write_str("request body too large"),
            Self::UnsupportedMediaType { expected } => {
                write!(f, "unsupported media type; expected `{expected}`")
            }
            Self::Invalid(errors) => errors.fmt(f),
            Self::MissingContext { context } => write!(
                f,
                "no validation context `{context}` is registered (actix-web: `App::app_data(web::Data::new(...))`)"
            ),
        }
    }
}

impl std::error::Error for Rejection {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Invalid(errors) => Some(errors),
            _ => None,
        }
    }
}

impl From<ValidationErrors> for Rejection {
    fn from(errors: ValidationErrors) -> Self {
        Self::Invalid(errors)
    }
}

impl ApiError for Rejection {
    fn status(&self) -> StatusCode {
        match self {
            Self::Malformed(_) => StatusCode::BAD_REQUEST,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Invalid(errors) => errors.status(),
            Self::MissingContext { .. } => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn code(&self) -> &str {
        match self {
            Self::Malformed(_) => "malformed_request",
            Self::PayloadTooLarge => "payload_too_large",
            Self::UnsupportedMediaType { .. } => "unsupported_media_type",
            Self::Invalid(errors) => errors.code(),
            Self::MissingContext { .. } => "internal",
        }
    }

    fn message(&self) -> Cow<'_, str> {
        match self {
            Self::Malformed(message) => Cow::Borrowed(message),
            Self::PayloadTooLarge => {
                Cow::Borrowed("The request body is larger than this endpoint accepts.")
            }
            Self::UnsupportedMediaType { expected } => {
                Cow::Owned(format!("Expected a request body of type `{expected}`."))
            }
            Self::Invalid(errors) => errors.message(),
            Self::MissingContext { .. } => Cow::Borrowed(crate::server_error_message(
                StatusCode::INTERNAL_SERVER_ERROR,
            )),
        }
    }

    fn extend_problem(&self, problem: &mut ProblemDetails) {
        if let Self::Invalid(errors) = self {
            errors.extend_problem(problem);
        }
    }
}
