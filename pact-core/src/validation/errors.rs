//! The violations of one validation run.

use std::borrow::Cow;
use std::fmt;

use http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::Path;
use crate::{ApiError, FieldError, ProblemDetails};

/// Every rule violation found in a request, in the order the fields were checked.
///
/// It is an [`ApiError`]: `422 Unprocessable Entity`, code `validation_failed`, and a problem
/// body whose `errors` member lists every violation. Serializes as a plain list.
///
/// ```
/// use pact_core::ApiError;
/// use pact_core::validation::{Path, RuleError, ValidationErrors};
///
/// let mut errors = ValidationErrors::new();
/// let root = Path::root();
/// errors.push(&root.field("email"), RuleError::new("email", "must be an email address"));
/// errors.push(
///     &root.field("tags").index(3),
///     RuleError::new("length", "must be at most 20 characters").with_param("max", 20),
/// );
///
/// assert_eq!(errors.len(), 2);
/// assert_eq!(errors.status().as_u16(), 422);
/// let problem = errors.problem_details();
/// assert_eq!(problem.errors[1].path, "tags[3]");
/// assert_eq!(problem.errors[1].params["max"], 20);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ValidationErrors {
    errors: Vec<FieldError>,
}

impl ValidationErrors {
    /// No errors yet. Does not allocate.
    #[must_use]
    pub const fn new() -> Self {
        Self { errors: Vec::new() }
    }

    /// Records a violation at `path`.
    pub fn push(&mut self, path: &Path<'_>, error: RuleError) {
        self.errors.push(FieldError {
            path: path.to_string(),
            code: error.code.into_owned(),
            message: error.message.into_owned(),
            params: error.params,
        });
    }

    /// Records an already-built field error (its path is taken as is).
    pub fn push_field_error(&mut self, error: FieldError) {
        self.errors.push(error);
    }

    /// The violations, in order.
    #[must_use]
    pub fn errors(&self) -> &[FieldError] {
        &self.errors
    }

    /// The violations at `path`.
    ///
    /// ```
    /// # use pact_core::validation::{Path, RuleError, ValidationErrors};
    /// let mut errors = ValidationErrors::new();
    /// errors.push(&Path::root().field("age"), RuleError::new("range", "too young"));
    /// assert_eq!(errors.at("age").count(), 1);
    /// assert_eq!(errors.at("name").count(), 0);
    /// ```
    pub fn at<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a FieldError> + 'a {
        self.errors.iter().filter(move |error| error.path == path)
    }

    /// Whether no violation was recorded.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// How many violations were recorded.
    #[must_use]
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// `Ok(())` when empty, `Err(self)` otherwise.
    ///
    /// # Errors
    /// `self`, when it holds at least one violation.
    pub fn into_result(self) -> Result<(), Self> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }
}

impl IntoIterator for ValidationErrors {
    type Item = FieldError;
    type IntoIter = std::vec::IntoIter<FieldError>;
    fn into_iter(self) -> Self::IntoIter {
        self.errors.into_iter()
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.errors.len() {
            1 => f.write_str("1 field is invalid")?,
            n => write!(f, "{n} fields are invalid")?,
        }
        for error in &self.errors {
            write!(f, "; {}: {}", error.path, error.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

impl ApiError for ValidationErrors {
    fn status(&self) -> StatusCode {
        StatusCode::UNPROCESSABLE_ENTITY
    }

    fn code(&self) -> &'static str {
        "validation_failed"
    }

    fn message(&self) -> Cow<'_, str> {
        Cow::Borrowed(match self.errors.len() {
            1 => "1 field is invalid; see `errors`.",
            _ => "Some fields are invalid; see `errors`.",
        })
    }

    fn extend_problem(&self, problem: &mut ProblemDetails) {
        problem.errors.extend_from_slice(&self.errors);
    }
}

/// One violated rule, before it is placed at a path: what custom rules return.
///
/// ```
/// use pact_core::validation::RuleError;
///
/// fn not_reserved(name: &str) -> Result<(), RuleError> {
///     if name == "admin" {
///         return Err(RuleError::new("reserved", "this name is reserved").with_param("name", name));
///     }
///     Ok(())
/// }
/// assert_eq!(not_reserved("admin").unwrap_err().code, "reserved");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct RuleError {
    /// Stable, machine-readable code.
    pub code: Cow<'static, str>,
    /// Human-readable explanation.
    pub message: Cow<'static, str>,
    /// The rule's parameters.
    pub params: Map<String, Value>,
}

impl RuleError {
    /// A violation with no parameters.
    #[must_use]
    pub fn new(code: impl Into<Cow<'static, str>>, message: impl Into<Cow<'static, str>>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
            params: Map::new(),
        }
    }

    /// Adds a parameter.
    ///
    /// ```
    /// # use pact_core::validation::RuleError;
    /// let error = RuleError::new("range", "too small").with_param("min", 1);
    /// assert_eq!(error.params["min"], 1);
    /// ```
    #[must_use]
    pub fn with_param(mut self, name: &str, value: impl Into<Value>) -> Self {
        self.params.insert(name.to_owned(), value.into());
        self
    }

    /// Replaces the code (the `code = "..."` override of a rule).
    #[must_use]
    pub fn with_code(mut self, code: impl Into<Cow<'static, str>>) -> Self {
        self.code = code.into();
        self
    }

    /// Replaces the message (the `message = "..."` override of a rule).
    #[must_use]
    pub fn with_message(mut self, message: impl Into<Cow<'static, str>>) -> Self {
        self.message = message.into();
        self
    }
}
