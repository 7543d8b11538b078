//! Driver errors, mapped to typed [`RepoError`]s: one table per backend of the codes it
//! reports, each row naming what the code means ([`Meaning`]). Everything not in a table is
//! [`RepoError::Backend`] (500).

use std::borrow::Cow;

use crate::repository::{Dialect, Entity, RepoError};

/// What a driver error means, whichever backend reported it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Meaning {
    /// A unique constraint or the primary key holds the value: `Conflict` (409).
    Unique,
    /// A value longer than its column, or too large for its index: `InvalidValue` (422).
    TooLong,
    /// Text the database cannot store (PostgreSQL and NUL): `InvalidValue` (422).
    BadText,
    /// A number outside the column's range: `InvalidValue` (422).
    OutOfRange,
    /// The statement is larger than the database accepts: `TooLarge` (413).
    TooLarge,
    /// A deadlock or serialization failure: the transaction was rolled back and may be run
    /// again. pact retries it; if it keeps failing, `Busy` (503).
    Retry,
    /// A lock or connection wait that timed out: `Busy` (503), without a retry.
    Busy,
}

/// SQLite's extended result codes (<https://sqlite.org/rescode.html>).
pub(super) const SQLITE: &[(&str, Meaning)] = &[
    ("2067", Meaning::Unique), // SQLITE_CONSTRAINT_UNIQUE
    ("1555", Meaning::Unique), // SQLITE_CONSTRAINT_PRIMARYKEY
    ("18", Meaning::TooLarge), // SQLITE_TOOBIG
    ("5", Meaning::Busy),      // SQLITE_BUSY (busy_timeout elapsed)
    ("261", Meaning::Busy),    // SQLITE_BUSY_RECOVERY
    ("517", Meaning::Retry),   // SQLITE_BUSY_SNAPSHOT: the transaction must restart
    ("6", Meaning::Busy),      // SQLITE_LOCKED
    ("262", Meaning::Busy),    // SQLITE_LOCKED_SHAREDCACHE
];

/// PostgreSQL's SQLSTATEs (<https://www.postgresql.org/docs/current/errcodes-appendix.html>).
pub(super) const POSTGRES: &[(&str, Meaning)] = &[
    ("23505", Meaning::Unique),     // unique_violation
    ("22001", Meaning::TooLong),    // string_data_right_truncation
    ("54000", Meaning::TooLong),    // program_limit_exceeded: index row size exceeds maximum
    ("22021", Meaning::BadText),    // character_not_in_repertoire: NUL in text
    ("22P05", Meaning::BadText),    // untranslatable_character
    ("22003", Meaning::OutOfRange), // numeric_value_out_of_range
    ("40001", Meaning::Retry),      // serialization_failure
    ("40P01", Meaning::Retry),      // deadlock_detected
    ("55P03", Meaning::Busy),       // lock_not_available (lock_timeout)
    ("57014", Meaning::Busy),       // query_canceled (statement_timeout)
    ("53300", Meaning::Busy),       // too_many_connections
];

/// MySQL and MariaDB error numbers
/// (<https://mariadb.com/kb/en/mariadb-error-code-reference/>).
pub(super) const MYSQL: &[(u16, Meaning)] = &[
    (1062, Meaning::Unique), // ER_DUP_ENTRY
    (1586, Meaning::Unique), // ER_DUP_ENTRY_WITH_KEY_NAME
    // ER_SUBQUERY_NO_1_ROW: only pact's upsert runs a subquery, the guard that fails when
    // `ON DUPLICATE KEY` met a unique key other than the upsert's (`Upsert`).
    (1242, Meaning::Unique),
    (1406, Meaning::TooLong),    // ER_DATA_TOO_LONG
    (1366, Meaning::BadText),    // ER_TRUNCATED_WRONG_VALUE_FOR_FIELD (incorrect string value)
    (1264, Meaning::OutOfRange), // ER_WARN_DATA_OUT_OF_RANGE
    (1153, Meaning::TooLarge),   // ER_NET_PACKET_TOO_LARGE (max_allowed_packet)
    (1301, Meaning::TooLarge),   // ER_WARN_ALLOWED_PACKET_OVERFLOWED
    (1213, Meaning::Retry),      // ER_LOCK_DEADLOCK
    (1205, Meaning::Busy),       // ER_LOCK_WAIT_TIMEOUT
    (1040, Meaning::Busy),       // ER_CON_COUNT_ERROR (too many connections)
];

/// The seconds a `Busy` answer asks a client to wait.
const RETRY_AFTER_SECS: u32 = 1;

/// How many times a retryable statement or transaction runs before the call answers `Busy`.
pub(crate) const MAX_ATTEMPTS: usize = 8;

/// The meaning of a driver error on `dialect`, if its code is in the backend's table.
pub(super) fn meaning(dialect: Dialect, err: &sqlx::Error) -> Option<Meaning> {
    let db = match err {
        sqlx::Error::Database(db) => db,
        sqlx::Error::PoolTimedOut => return Some(Meaning::Busy),
        _ => return None,
    };
    match dialect {
        Dialect::MySql => mysql_number(&**db).and_then(|number| lookup(MYSQL, &number)),
        Dialect::Sqlite => db.code().and_then(|code| lookup(SQLITE, &code.as_ref())),
        Dialect::Postgres => db.code().and_then(|code| lookup(POSTGRES, &code.as_ref())),
    }
}

fn lookup<K: PartialEq + Copy>(table: &[(K, Meaning)], key: &K) -> Option<Meaning> {
    table
        .iter()
        .find(|(code, _)| code == key)
        .map(|(_, meaning)| *meaning)
}

#[cfg(feature = "mysql")]
fn mysql_number(db: &dyn sqlx::error::DatabaseError) -> Option<u16> {
    db.try_downcast_ref::<sqlx::mysql::MySqlDatabaseError>()
        .map(sqlx::mysql::MySqlDatabaseError::number)
}

#[cfg(not(feature = "mysql"))]
fn mysql_number(_: &dyn sqlx::error::DatabaseError) -> Option<u16> {
    None
}

/// Waits before attempt `attempt + 1` of a write the database rolled back: a random time
/// below 4 ms, 8 ms, 16 ms, ... so that the writers that deadlocked do not meet again in the
/// same order.
pub(crate) async fn back_off(attempt: usize) {
    use std::hash::BuildHasher as _;
    let ceiling_us = 4_000_u64 << attempt.min(6);
    // A freshly seeded `RandomState` is random enough for jitter, without a dependency.
    let jitter = std::hash::RandomState::new().hash_one(attempt) % ceiling_us;
    tokio::time::sleep(std::time::Duration::from_micros(jitter)).await;
}

/// Whether running the statement (or transaction) again may succeed.
pub(super) fn is_retryable(dialect: Dialect, err: &sqlx::Error) -> bool {
    meaning(dialect, err) == Some(Meaning::Retry)
}

/// Maps a driver error of entity `E` on `dialect` to the typed error its code means.
pub(super) fn map_error<E: Entity>(dialect: Dialect, err: sqlx::Error) -> RepoError {
    let Some(meaning) = meaning(dialect, &err) else {
        return RepoError::backend(err);
    };
    let message = match &err {
        sqlx::Error::Database(db) => db.message(),
        _ => "",
    };
    let constraint = match &err {
        sqlx::Error::Database(db) => db.constraint(),
        _ => None,
    };
    to_repo_error::<E>(meaning, message, constraint)
}

/// The typed error of one [`Meaning`], naming the field the driver's message or constraint
/// points at.
pub(super) fn to_repo_error<E: Entity>(
    meaning: Meaning,
    message: &str,
    constraint: Option<&str>,
) -> RepoError {
    let invalid = |code: &'static str, reason: &'static str, field: Option<&'static str>| {
        RepoError::InvalidValue {
            entity: E::NAME,
            field,
            code,
            reason: Cow::Borrowed(reason),
        }
    };
    match meaning {
        Meaning::Unique => {
            let constraint = constraint
                .map(str::to_owned)
                .or_else(|| unique_key_in(message));
            let field = constraint.as_deref().and_then(field_of::<E>);
            RepoError::Conflict {
                entity: E::NAME,
                field,
                constraint,
            }
        }
        Meaning::TooLong => invalid(
            "length",
            "too long for its column",
            named_field::<E>(message, constraint),
        ),
        Meaning::BadText => invalid(
            "nul_character",
            "holds characters the database cannot store",
            named_field::<E>(message, constraint),
        ),
        Meaning::OutOfRange => invalid(
            "range",
            "out of the column's range",
            named_field::<E>(message, constraint),
        ),
        Meaning::TooLarge => RepoError::TooLarge { entity: E::NAME },
        Meaning::Retry | Meaning::Busy => RepoError::Busy {
            entity: E::NAME,
            retry_after_secs: RETRY_AFTER_SECS,
        },
    }
}

/// The key a unique violation names in its message, per backend:
/// - SQLite: `UNIQUE constraint failed: users.email` (the column);
/// - MySQL/MariaDB: `Duplicate entry '…' for key 'users_email_key'` (MySQL 8 prefixes the
///   table: `users.users_email_key`), or `PRIMARY`.
///
/// PostgreSQL names the constraint apart from the message (`users_email_key`, `users_pkey`).
fn unique_key_in(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("UNIQUE constraint failed: ") {
        return rest.split(", ").next().map(str::to_owned);
    }
    let (_, key) = message.rsplit_once(" for key '")?;
    key.strip_suffix('\'').map(str::to_owned)
}

/// The field a length or text error names: MySQL's `Data too long for column 'email'`, or
/// PostgreSQL's `… for index "users_email_key"`.
fn named_field<E: Entity>(message: &str, constraint: Option<&str>) -> Option<&'static str> {
    if let Some(field) = constraint.and_then(field_of::<E>) {
        return Some(field);
    }
    let quoted = |open: &str, close: char| {
        let (_, rest) = message.split_once(open)?;
        rest.split(close).next()
    };
    let name = quoted("column '", '\'').or_else(|| quoted("index \"", '"'))?;
    field_of::<E>(name)
}

/// The field whose column, constraint or index is `name` (`users.email`, `users_email_key`,
/// `users_pkey`, `PRIMARY`).
pub(super) fn field_of<E: Entity>(name: &str) -> Option<&'static str> {
    let name = name.rsplit('.').next().unwrap_or(name);
    E::COLUMNS
        .iter()
        .find(|column| {
            name == column.name || column.key == Some(name) || (column.id && name == "PRIMARY")
        })
        .map(|column| column.field)
}

#[cfg(test)]
#[path = "driver_errors_tests.rs"]
mod tests;
