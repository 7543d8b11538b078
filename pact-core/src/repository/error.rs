//! [`RepoError`]: what a repository call can fail with, and how it is answered over HTTP.

use std::borrow::Cow;
use std::error::Error as StdError;
use std::fmt;

use http::StatusCode;

use crate::{ApiError, FieldError, ProblemDetails};

/// The error of every repository call, whichever the backend.
///
/// It is an [`ApiError`]: `NotFound` answers 404, `Conflict` 409, `InvalidSort` 400 and
/// `Backend` 500. A backend failure sends a generic message; its details (the driver's error,
/// SQL state, constraint names) only reach the logs.
///
/// ```
/// use pact_core::ApiError;
/// use pact_core::repository::RepoError;
///
/// let err = RepoError::Conflict { entity: "User", field: Some("email"), constraint: None };
/// assert_eq!(err.status(), 409);
/// assert_eq!(err.message(), "a User with this email already exists");
///
/// let err = RepoError::backend(std::io::Error::other("connection reset by 10.0.0.7"));
/// assert_eq!(err.status(), 500);
/// assert!(!err.problem_details().detail.unwrap().contains("10.0.0.7"));
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum RepoError {
    /// No row has this id (`get_by_id`, `update`).
    NotFound {
        /// The entity's name.
        entity: &'static str,
        /// The id that was asked for, as `Debug` prints it.
        id: String,
    },
    /// A unique column (or the id) already holds this value.
    Conflict {
        /// The entity's name.
        entity: &'static str,
        /// The field whose value is taken, when the backend says which.
        field: Option<&'static str>,
        /// The constraint or key the backend named, when it did.
        constraint: Option<String>,
    },
    /// A sort key that is not one of the entity's sortable fields.
    InvalidSort {
        /// The entity's name.
        entity: &'static str,
        /// The rejected key (as sent, at most 64 characters of it).
        key: String,
        /// The fields that may be sorted by.
        allowed: Vec<&'static str>,
    },
    /// The database failed: connection, decoding, or any other driver error.
    Backend(Box<dyn StdError + Send + Sync + 'static>),
}

impl RepoError {
    /// Wraps a driver error.
    #[must_use]
    pub fn backend(source: impl Into<Box<dyn StdError + Send + Sync + 'static>>) -> Self {
        Self::Backend(source.into())
    }

    /// Whether this is [`RepoError::NotFound`].
    #[must_use]
    pub fn is_not_found(&self) -> bool {
        matches!(self, Self::NotFound { .. })
    }

    /// Whether this is [`RepoError::Conflict`].
    #[must_use]
    pub fn is_conflict(&self) -> bool {
        matches!(self, Self::Conflict { .. })
    }

    pub(crate) fn not_found(entity: &'static str, id: &(impl fmt::Debug + ?Sized)) -> Self {
        Self::NotFound {
            entity,
            id: format!("{id:?}"),
        }
    }

    pub(crate) fn invalid_sort(
        entity: &'static str,
        key: &str,
        allowed: Vec<&'static str>,
    ) -> Self {
        Self::InvalidSort {
            entity,
            key: key.chars().take(64).collect(),
            allowed,
        }
    }
}

impl fmt::Display for RepoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound { entity, id } => write!(f, "{entity} {id} not found"),
            Self::Conflict {
                entity,
                field: Some(field),
                ..
            } => write!(f, "a {entity} with this {field} already exists"),
            Self::Conflict {
                entity,
                field: None,
                ..
            } => write!(f, "a {entity} with these values already exists"),
            Self::InvalidSort {
                entity,
                key,
                allowed,
            } => {
                write!(f, "cannot sort {entity} by `{key}`; sortable fields: ")?;
                for (i, name) in allowed.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(name)?;
                }
                Ok(())
            }
            Self::Backend(source) => write!(f, "repository backend failed: {source}"),
        }
    }
}

impl StdError for RepoError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            Self::Backend(source) => Some(&**source),
            _ => None,
        }
    }
}

impl ApiError for RepoError {
    fn status(&self) -> StatusCode {
        match self {
            Self::NotFound { .. } => StatusCode::NOT_FOUND,
            Self::Conflict { .. } => StatusCode::CONFLICT,
            Self::InvalidSort { .. } => StatusCode::BAD_REQUEST,
            Self::Backend(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            Self::NotFound { .. } => "not_found",
            Self::Conflict { .. } => "conflict",
            Self::InvalidSort { .. } => "invalid_sort",
            Self::Backend(_) => "repository_error",
        }
    }

    fn message(&self) -> Cow<'_, str> {
        match self {
            Self::Backend(_) => Cow::Borrowed(crate::server_error_message(
                StatusCode::INTERNAL_SERVER_ERROR,
            )),
            _ => Cow::Owned(self.to_string()),
        }
    }

    fn extend_problem(&self, problem: &mut ProblemDetails) {
        match self {
            Self::Conflict {
                field: Some(field), ..
            } => problem.errors.push(FieldError::new(
                *field,
                "unique",
                "this value is already taken",
            )),
            Self::InvalidSort { allowed, .. } => problem.errors.push(
                FieldError::new("sort", "sortable", "not a sortable field")
                    .with_param("allowed", allowed.clone()),
            ),
            _ => {}
        }
    }
}

crate::__api_error_integrations! { {} {RepoError} {} }
