//! The RFC 9457 problem body.

use http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The media type of a problem body, `application/problem+json` (RFC 9457 §3).
///
/// ```
/// assert_eq!(pact_core::PROBLEM_JSON, "application/problem+json");
/// ```
pub const PROBLEM_JSON: &str = "application/problem+json";

/// The default problem type (RFC 9457 §4.2.1): the problem has no meaning beyond its status.
///
/// ```
/// use pact_core::{ABOUT_BLANK, ProblemDetails, http::StatusCode};
/// assert_eq!(ProblemDetails::new(StatusCode::GONE, "gone").type_uri, ABOUT_BLANK);
/// ```
pub const ABOUT_BLANK: &str = "about:blank";

/// An RFC 9457 problem details object, with pact's extension members `code` and `errors`.
///
/// Serialized member order: `type`, `title`, `status`, `detail`, `instance`, `code`, `errors`,
/// then any other extension members.
///
/// ```
/// use pact_core::{FieldError, ProblemDetails};
/// use pact_core::http::StatusCode;
///
/// let mut problem = ProblemDetails::new(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
///     .with_detail("2 fields are invalid");
/// problem.errors.push(FieldError::new("email", "email", "not an email address"));
/// problem.extensions.insert("retryable".into(), false.into());
///
/// let json = serde_json::to_value(&problem).unwrap();
/// assert_eq!(json["type"], "about:blank");
/// assert_eq!(json["title"], "Unprocessable Entity");
/// assert_eq!(json["status"], 422);
/// assert_eq!(json["code"], "validation_failed");
/// assert_eq!(json["errors"][0]["path"], "email");
/// assert_eq!(json["retryable"], false);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProblemDetails {
    /// A URI reference that identifies the problem type; `about:blank` by default.
    #[serde(rename = "type", default = "about_blank")]
    pub type_uri: String,
    /// A short summary of the problem type.
    #[serde(default)]
    pub title: String,
    /// The HTTP status code of this occurrence.
    pub status: u16,
    /// An explanation specific to this occurrence, written for the client.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// A URI reference that identifies this occurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// A stable, machine-readable error code (extension member).
    #[serde(default)]
    pub code: String,
    /// Field-level errors, such as the rule violations of a request body (extension member;
    /// omitted when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// Any other extension members, serialized beside the standard ones.
    #[serde(flatten)]
    pub extensions: Map<String, Value>,
}

fn about_blank() -> String {
    ABOUT_BLANK.to_owned()
}

impl ProblemDetails {
    /// A problem of type `about:blank` whose title is the status's reason phrase.
    ///
    /// ```
    /// # use pact_core::{ProblemDetails, http::StatusCode};
    /// let problem = ProblemDetails::new(StatusCode::NOT_FOUND, "user_not_found");
    /// assert_eq!(problem.title, "Not Found");
    /// assert_eq!(problem.detail, None);
    /// ```
    #[must_use]
    pub fn new(status: StatusCode, code: impl Into<String>) -> Self {
        Self {
            type_uri: about_blank(),
            title: status.canonical_reason().unwrap_or_default().to_owned(),
            status: status.as_u16(),
            detail: None,
            instance: None,
            code: code.into(),
            errors: Vec::new(),
            extensions: Map::new(),
        }
    }

    /// Sets `detail`.
    ///
    /// ```
    /// # use pact_core::{ProblemDetails, http::StatusCode};
    /// let problem = ProblemDetails::new(StatusCode::CONFLICT, "email_taken").with_detail("taken");
    /// assert_eq!(problem.detail.as_deref(), Some("taken"));
    /// ```
    #[must_use]
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Sets `instance`.
    ///
    /// ```
    /// # use pact_core::{ProblemDetails, http::StatusCode};
    /// let problem = ProblemDetails::new(StatusCode::GONE, "gone").with_instance("/orders/7");
    /// assert_eq!(problem.instance.as_deref(), Some("/orders/7"));
    /// ```
    #[must_use]
    pub fn with_instance(mut self, instance: impl Into<String>) -> Self {
        self.instance = Some(instance.into());
        self
    }

    /// The status as a [`StatusCode`]; a status outside 100..=999 (possible only in a
    /// deserialized body) reads as 500.
    ///
    /// ```
    /// # use pact_core::{ProblemDetails, http::StatusCode};
    /// let problem = ProblemDetails::new(StatusCode::IM_A_TEAPOT, "teapot");
    /// assert_eq!(problem.status_code(), StatusCode::IM_A_TEAPOT);
    /// ```
    #[must_use]
    pub fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

/// One field-level error in a problem's `errors` member.
///
/// ```
/// use pact_core::FieldError;
///
/// let error = FieldError::new("address.street", "length", "must be at most 80 characters")
///     .with_param("max", 80);
/// let json = serde_json::to_value(&error).unwrap();
/// assert_eq!(json["path"], "address.street");
/// assert_eq!(json["params"]["max"], 80);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FieldError {
    /// JSON-style path of the offending value, such as `address.street` or `tags[3]`.
    pub path: String,
    /// Stable, machine-readable code of the violated rule, such as `length`.
    pub code: String,
    /// Human-readable explanation.
    pub message: String,
    /// Parameters of the rule, such as `min` and `max` (omitted when empty).
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub params: Map<String, Value>,
}

impl FieldError {
    /// A field error without parameters.
    ///
    /// ```
    /// # use pact_core::FieldError;
    /// let error = FieldError::new("tags[3]", "length", "at most 20 characters");
    /// assert!(error.params.is_empty());
    /// ```
    #[must_use]
    pub fn new(
        path: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            path: path.into(),
            code: code.into(),
            message: message.into(),
            params: Map::new(),
        }
    }

    /// Adds a parameter.
    ///
    /// ```
    /// # use pact_core::FieldError;
    /// let error = FieldError::new("age", "range", "too young").with_param("min", 18);
    /// assert_eq!(error.params["min"], 18);
    /// ```
    #[must_use]
    pub fn with_param(mut self, name: impl Into<String>, value: impl Into<Value>) -> Self {
        self.params.insert(name.into(), value.into());
        self
    }
}
