//! The violations of one validation run.

use std::borrow::Cow;
use std::fmt;

use http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Path;
use crate::{ApiError, FieldError, Params, ProblemDetails};

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
    ///
    /// ```
    /// # use pact_core::ValidationErrors;
    /// assert!(ValidationErrors::new().is_empty());
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        Self { errors: Vec::new() }
    }

    /// Records a violation at `path`. Allocates only the rendered path (and room in the list):
    /// the error's code, message and params are moved, not copied.
    ///
    /// ```
    /// # use pact_core::validation::{Path, RuleError, ValidationErrors};
    /// let mut errors = ValidationErrors::new();
    /// let root = Path::root();
    /// errors.push(&root.field("tags").index(3), RuleError::new("length", "too long"));
    /// assert_eq!(errors.errors()[0].path, "tags[3]");
    /// assert_eq!(errors.errors()[0].code, "length");
    /// ```
    pub fn push(&mut self, path: &Path<'_>, error: RuleError) {
        if self.errors.len() == self.errors.capacity() {
            self.grow();
        }
        // Two pushes, so that the common path stays in registers instead of being merged with
        // the other through memory.
        match path.top_level_field() {
            Some(name) => self.errors.push(FieldError {
                path: name.to_owned(),
                code: error.code,
                message: error.message,
                params: error.params,
            }),
            None => self.errors.push(FieldError {
                path: path.render_nested(),
                code: error.code,
                message: error.message,
                params: error.params,
            }),
        }
    }

    /// Room for more violations: six at first (a request that fails usually fails a few rules;
    /// `Vec` would start at four, then move them all to make room for a fifth), then twice as
    /// many. Six errors take under 1 KiB, which the allocator serves from its small-block cache.
    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        const FIRST: usize = 6;
        self.errors.reserve_exact(self.errors.capacity().max(FIRST));
    }

    /// Records an already-built field error (its path is taken as is).
    ///
    /// ```
    /// # use pact_core::{FieldError, ValidationErrors};
    /// let mut errors = ValidationErrors::new();
    /// errors.push_field_error(FieldError::new("tags[3]", "length", "too long"));
    /// assert_eq!(errors.len(), 1);
    /// ```
    pub fn push_field_error(&mut self, error: FieldError) {
        self.errors.push(error);
    }

    /// The violations, in order.
    ///
    /// ```
    /// # use pact_core::validation::{Path, RuleError, ValidationErrors};
    /// let mut errors = ValidationErrors::new();
    /// errors.push(&Path::root().field("age"), RuleError::new("range", "too young"));
    /// assert_eq!(errors.errors()[0].message, "too young");
    /// ```
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
    ///
    /// ```
    /// # use pact_core::ValidationErrors;
    /// assert!(ValidationErrors::new().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// How many violations were recorded.
    ///
    /// ```
    /// # use pact_core::validation::{Path, RuleError, ValidationErrors};
    /// let mut errors = ValidationErrors::new();
    /// errors.push(&Path::root().field("age"), RuleError::new("range", "too young"));
    /// assert_eq!(errors.len(), 1);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// `Ok(())` when empty, `Err(self)` otherwise.
    ///
    /// ```
    /// # use pact_core::validation::{Path, RuleError, ValidationErrors};
    /// assert!(ValidationErrors::new().into_result().is_ok());
    ///
    /// let mut errors = ValidationErrors::new();
    /// errors.push(&Path::root().field("age"), RuleError::new("range", "too young"));
    /// assert_eq!(errors.into_result().unwrap_err().len(), 1);
    /// ```
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
    /// The rule's parameters (up to two are stored without allocating).
    pub params: Params,
}

impl RuleError {
    /// A violation with no parameters. Static codes and messages are borrowed, not copied.
    ///
    /// ```
    /// # use pact_core::validation::RuleError;
    /// let error = RuleError::new("reserved", format!("{} is reserved", "admin"));
    /// assert_eq!(error.code, "reserved");
    /// assert_eq!(error.message, "admin is reserved");
    /// assert!(error.params.is_empty());
    /// ```
    #[must_use]
    pub fn new(code: impl Into<Cow<'static, str>>, message: impl Into<Cow<'static, str>>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
            params: Params::new(),
        }
    }

    /// Adds a parameter (replacing the value of one of the same name). A static name is not
    /// copied.
    ///
    /// ```
    /// # use pact_core::validation::RuleError;
    /// let error = RuleError::new("range", "too small").with_param("min", 1);
    /// assert_eq!(error.params["min"], 1);
    /// ```
    #[must_use]
    pub fn with_param(
        mut self,
        name: impl Into<Cow<'static, str>>,
        value: impl Into<Value>,
    ) -> Self {
        self.params.insert(name, value);
        self
    }

    /// Replaces the code (the `code = "..."` override of a rule).
    ///
    /// ```
    /// # use pact_core::validation::RuleError;
    /// assert_eq!(RuleError::new("length", "too long").with_code("too_long").code, "too_long");
    /// ```
    #[must_use]
    pub fn with_code(mut self, code: impl Into<Cow<'static, str>>) -> Self {
        self.code = code.into();
        self
    }

    /// Replaces the message (the `message = "..."` override of a rule).
    ///
    /// ```
    /// # use pact_core::validation::RuleError;
    /// let error = RuleError::new("length", "too long").with_message("two at most");
    /// assert_eq!(error.message, "two at most");
    /// ```
    #[must_use]
    pub fn with_message(mut self, message: impl Into<Cow<'static, str>>) -> Self {
        self.message = message.into();
        self
    }
}

// A rule's `Result<(), RuleError>` stays under clippy's `result_large_err` threshold (128
// bytes), so that custom rules returning it do not trip the lint.
const _: () = assert!(size_of::<RuleError>() <= 128);
