//! Unique violations, as each backend reports them, mapped back to the entity's field.

use crate::repository::{Entity, RepoError};

/// Which constraint or column a unique violation names, per backend:
/// - SQLite: `UNIQUE constraint failed: users.email` (the column);
/// - PostgreSQL: the constraint name, `users_email_key` or `users_pkey`;
/// - MySQL/MariaDB: `Duplicate entry '…' for key 'users_email_key'` (MySQL 8 prefixes the
///   table: `users.users_email_key`), or `PRIMARY`.
pub(super) fn constraint_of(err: &dyn sqlx::error::DatabaseError) -> Option<String> {
    if let Some(constraint) = err.constraint() {
        return Some(constraint.to_owned());
    }
    let message = err.message();
    if let Some(rest) = message.strip_prefix("UNIQUE constraint failed: ") {
        return rest.split(", ").next().map(str::to_owned);
    }
    let (_, key) = message.rsplit_once(" for key '")?;
    key.strip_suffix('\'').map(str::to_owned)
}

/// A `Conflict` naming the field whose column or constraint the backend reported.
pub(super) fn conflict<E: Entity>(constraint: Option<String>) -> RepoError {
    let field = constraint.as_deref().and_then(field_of::<E>);
    RepoError::Conflict {
        entity: E::NAME,
        field,
        constraint,
    }
}

fn field_of<E: Entity>(constraint: &str) -> Option<&'static str> {
    let name = constraint.rsplit('.').next().unwrap_or(constraint);
    E::COLUMNS
        .iter()
        .find(|column| {
            name == column.name
                || name
                    .strip_prefix(E::TABLE)
                    .and_then(|rest| rest.strip_prefix('_'))
                    .and_then(|rest| rest.strip_suffix("_key"))
                    == Some(column.name)
                || (column.id
                    && (name == "PRIMARY" || name.strip_prefix(E::TABLE) == Some("_pkey")))
        })
        .map(|column| column.field)
}

/// Maps a sqlx error: a unique violation becomes `Conflict`, anything else `Backend`.
pub(super) fn map_error<E: Entity>(err: sqlx::Error) -> RepoError {
    if let sqlx::Error::Database(db) = &err
        && db.is_unique_violation()
    {
        return conflict::<E>(constraint_of(&**db));
    }
    RepoError::backend(err)
}
