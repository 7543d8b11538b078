//! [`RepoError`]: what a repository call can fail with, and how it is answered over HTTP.

use std::borrow::Cow;
use std::error::Error as StdError;
use std::fmt;

use http::StatusCode;

use crate::{ApiError, FieldError, ProblemDetails};

/// The error of every repository call, whichever the backend.
///
/// It is an [`ApiError`]: `NotFound` answers 404, `Conflict` and `VersionConflict` 409,
/// `InvalidSort` and `InvalidCursor` 400,
/// `InvalidValue` 422, `TooLarge` 413, `Busy` 503 (with `Retry-After`) and `Backend` 500. A
/// 5xx sends a generic message; its details (the driver's error, SQL state, constraint names)
/// only reach the logs. Every backend maps its driver errors to the same variants (see
/// `docs/repository.md`, "Errors"), so what a client sees does not depend on the database.
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
///
/// let err = RepoError::Busy { entity: "User", retry_after_secs: 1 };
/// let mut headers = pact_core::http::HeaderMap::new();
/// err.headers(&mut headers);
/// assert_eq!(err.status(), 503);
/// assert_eq!(headers["retry-after"], "1");
///
/// let err = RepoError::VersionConflict {
///     entity: "User",
///     field: "version",
///     id: "7".into(),
///     expected: 3,
///     current: Some(4),
/// };
/// assert_eq!(err.status(), 409);
/// assert!(err.is_version_conflict());
/// let problem = err.problem_details();
/// assert_eq!(problem.code, "version_conflict");
/// assert_eq!(problem.extensions["entity"], "User");
/// assert_eq!(problem.extensions["current_version"], 4);
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
    /// `update` of an entity with a `#[repo(version)]` field whose version is not the stored
    /// one: another call updated the row since it was read. Answers 409; the problem's
    /// `entity`, `id`, `expected_version` and `current_version` members say which row and
    /// which versions. Read the row again and retry, or report the conflict to the client.
    VersionConflict {
        /// The entity's name.
        entity: &'static str,
        /// The version field's name.
        field: &'static str,
        /// The row's id, as `Debug` prints it.
        id: String,
        /// The version the update was made from (the entity's).
        expected: i64,
        /// The stored version, when it is known (the row may change again before it is
        /// read, or be deleted after the update missed it).
        current: Option<i64>,
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
    /// A keyset page's `after` cursor that this entity's repository did not write for this
    /// request: not base64url, of another version or sort, truncated, too long, or holding
    /// values no row could have. Answers 400 with code `invalid_cursor`; it never reaches
    /// SQL. Start again from the first page.
    InvalidCursor {
        /// The entity's name.
        entity: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A value the column cannot store: text or bytes longer than the column's
    /// [`max_len`](super::Column::max_len), text holding a NUL character, or a float that is
    /// NaN or infinite. Checked before any SQL runs, on every backend (memory included).
    InvalidValue {
        /// The entity's name.
        entity: &'static str,
        /// The field holding the value, when it is known.
        field: Option<&'static str>,
        /// A stable code for the rule: `length`, `nul_character` or `finite`.
        code: &'static str,
        /// What is wrong, for the client (`at most 255 characters`).
        reason: Cow<'static, str>,
    },
    /// The row is larger than the database accepts in one statement (MySQL's
    /// `max_allowed_packet`, SQLite's `SQLITE_MAX_LENGTH`).
    TooLarge {
        /// The entity's name.
        entity: &'static str,
    },
    /// The database could not serve the call in time: a deadlock or serialization failure
    /// that persisted through pact's retries, a lock wait that timed out, or a pool with no
    /// free connection. Answers 503 with `Retry-After`.
    Busy {
        /// The entity's name.
        entity: &'static str,
        /// The seconds a client should wait before retrying (`Retry-After`).
        retry_after_secs: u32,
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

    /// Whether this is [`RepoError::VersionConflict`].
    #[must_use]
    pub fn is_version_conflict(&self) -> bool {
        matches!(self, Self::VersionConflict { .. })
    }

    /// Whether this is [`RepoError::InvalidValue`].
    #[must_use]
    pub fn is_invalid_value(&self) -> bool {
        matches!(self, Self::InvalidValue { .. })
    }

    /// Whether this is [`RepoError::InvalidCursor`].
    ///
    /// ```
    /// use pact_core::ApiError;
    /// use pact_core::repository::RepoError;
    ///
    /// let err = RepoError::InvalidCursor { entity: "User", reason: "not a cursor" };
    /// assert!(err.is_invalid_cursor());
    /// assert_eq!((err.status().as_u16(), err.code()), (400, "invalid_cursor"));
    /// ```
    #[must_use]
    pub fn is_invalid_cursor(&self) -> bool {
        matches!(self, Self::InvalidCursor { .. })
    }

    /// Whether this is [`RepoError::Busy`]: the same call may succeed later.
    #[must_use]
    pub fn is_busy(&self) -> bool {
        matches!(self, Self::Busy { .. })
    }

    pub(crate) fn not_found(entity: &'static str, id: &(impl fmt::Debug + ?Sized)) -> Self {
        Self::NotFound {
            entity,
            id: format!("{id:?}"),
        }
    }

    pub(crate) fn version_conflict<E: super::Entity>(
        column: usize,
        id: &E::Id,
        expected: i64,
        current: Option<i64>,
    ) -> Self {
        Self::VersionConflict {
            entity: E::NAME,
            field: E::COLUMNS[column].field,
            id: format!("{id:?}"),
            expected,
            current,
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
            Self::VersionConflict {
                entity,
                id,
                expected,
                current,
                ..
            } => {
                write!(
                    f,
                    "the {entity} {id} was changed by another update (version {expected} expected"
                )?;
                match current {
                    Some(current) => write!(f, ", {current} stored)"),
                    None => f.write_str(")"),
                }
            }
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
            Self::InvalidCursor { entity, reason } => {
                write!(f, "invalid cursor for a page of {entity}s: {reason}")
            }
            Self::InvalidValue {
                entity,
                field: Some(field),
                reason,
                ..
            } => write!(f, "invalid {field} of a {entity}: {reason}"),
            Self::InvalidValue {
                entity,
                field: None,
                reason,
                ..
            } => write!(f, "invalid value in a {entity}: {reason}"),
            Self::TooLarge { entity } => {
                write!(f, "the {entity} is larger than the database accepts")
            }
            Self::Busy { entity, .. } => {
                write!(f, "the database is busy; the {entity} call may be retried")
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
            Self::Conflict { .. } | Self::VersionConflict { .. } => StatusCode::CONFLICT,
            Self::InvalidSort { .. } | Self::InvalidCursor { .. } => StatusCode::BAD_REQUEST,
            Self::InvalidValue { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Self::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Busy { .. } => StatusCode::SERVICE_UNAVAILABLE,
            Self::Backend(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            Self::NotFound { .. } => "not_found",
            Self::Conflict { .. } => "conflict",
            Self::VersionConflict { .. } => "version_conflict",
            Self::InvalidSort { .. } => "invalid_sort",
            Self::InvalidCursor { .. } => "invalid_cursor",
            Self::InvalidValue { .. } => "invalid_value",
            Self::TooLarge { .. } => "too_large",
            Self::Busy { .. } => "repository_busy",
            Self::Backend(_) => "repository_error",
        }
    }

    fn message(&self) -> Cow<'_, str> {
        match self {
            Self::Busy { .. } | Self::Backend(_) => {
                Cow::Borrowed(crate::server_error_message(self.status()))
            }
            _ => Cow::Owned(self.to_string()),
        }
    }

    fn headers(&self, headers: &mut http::HeaderMap) {
        if let Self::Busy {
            retry_after_secs, ..
        } = self
        {
            headers.insert(
                http::header::RETRY_AFTER,
                http::HeaderValue::from(*retry_after_secs),
            );
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
            Self::InvalidValue {
                field: Some(field),
                code,
                reason,
                ..
            } => problem
                .errors
                .push(FieldError::new(*field, *code, reason.clone())),
            Self::VersionConflict {
                entity,
                field,
                id,
                expected,
                current,
            } => {
                let extensions = &mut problem.extensions;
                extensions.insert("entity".into(), (*entity).into());
                extensions.insert("id".into(), id.clone().into());
                extensions.insert("expected_version".into(), (*expected).into());
                extensions.insert(
                    "current_version".into(),
                    current.map_or(serde_json::Value::Null, Into::into),
                );
                problem.errors.push(FieldError::new(
                    *field,
                    "version",
                    "the row was changed since it was read",
                ));
            }
            Self::InvalidCursor { reason, .. } => problem
                .errors
                .push(FieldError::new("after", "cursor", *reason)),
            Self::InvalidSort { allowed, .. } => problem.errors.push(
                FieldError::new("sort", "sortable", "not a sortable field")
                    .with_param("allowed", allowed.clone()),
            ),
            _ => {}
        }
    }
}

crate::__api_error_integrations! { {} {RepoError} {} }
