//! [`Dialect`] and the per-dialect SQL ([`Statements`]) that the derive computes at compile
//! time.

use std::fmt::{self, Write};

/// A SQL dialect a repository can speak.
///
/// ```
/// use pact_core::repository::Dialect;
///
/// assert_eq!(Dialect::Postgres.quote("order"), "\"order\"");
/// assert_eq!(Dialect::MySql.quote("order"), "`order`");
/// assert_eq!(Dialect::Postgres.placeholder(2), "$2");
/// assert_eq!(Dialect::Sqlite.placeholder(2), "?");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// SQLite 3.35 or later.
    Sqlite,
    /// PostgreSQL 12 or later.
    Postgres,
    /// MySQL 8 or MariaDB 10.5 or later.
    MySql,
}

impl Dialect {
    /// Every dialect, in declaration order.
    pub const ALL: [Self; 3] = [Self::Sqlite, Self::Postgres, Self::MySql];

    /// The dialect's name: `sqlite`, `postgres` or `mysql`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Sqlite => "sqlite",
            Self::Postgres => "postgres",
            Self::MySql => "mysql",
        }
    }

    /// Quotes an identifier the derive has checked to be plain (`[A-Za-z_][A-Za-z0-9_]*`), so
    /// reserved words such as `order` work as column names.
    #[must_use]
    pub fn quote(self, ident: &str) -> String {
        let mut out = String::with_capacity(ident.len() + 2);
        self.write_quoted(&mut out, ident);
        out
    }

    /// The placeholder of the `n`th bound parameter (1-based).
    #[must_use]
    pub fn placeholder(self, n: usize) -> String {
        let mut out = String::new();
        self.write_placeholder(&mut out, n);
        out
    }

    pub(crate) fn write_quoted(self, out: &mut String, ident: &str) {
        let quote = if self == Self::MySql { '`' } else { '"' };
        out.push(quote);
        out.push_str(ident);
        out.push(quote);
    }

    pub(crate) fn write_placeholder(self, out: &mut String, n: usize) {
        match self {
            Self::Postgres => {
                let _ = write!(out, "${n}");
            }
            Self::Sqlite | Self::MySql => out.push('?'),
        }
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The SQL of one entity in one dialect. `#[derive(Repository)]` computes every string at
/// compile time from plain identifiers; values are always bound parameters.
///
/// `cargo expand` shows them, and so does reading them at run time:
///
/// ```
/// use pact_core::repository::Statements;
///
/// const USERS: Statements = Statements {
///     create_table: &["CREATE TABLE IF NOT EXISTS \"users\" (\"id\" INTEGER PRIMARY KEY)"],
///     drop_table: "DROP TABLE IF EXISTS \"users\"",
///     select_by_id: "SELECT \"id\" FROM \"users\" WHERE \"id\" = ?",
///     select_all: "SELECT \"id\" FROM \"users\"",
///     select_page: "SELECT \"id\" FROM \"users\" ORDER BY \"id\" ASC LIMIT ? OFFSET ?",
///     count: "SELECT COUNT(*) FROM \"users\"",
///     exists: "SELECT COUNT(*) FROM \"users\" WHERE \"id\" = ?",
///     insert: "INSERT INTO \"users\" DEFAULT VALUES",
///     update: "UPDATE \"users\" SET \"id\" = ? WHERE \"id\" = ?",
///     delete_by_id: "DELETE FROM \"users\" WHERE \"id\" = ?",
///     finders: &[],
///     live: None,
///     soft_delete: None,
///     upserts: &[],
/// };
/// assert!(USERS.select_by_id.ends_with("= ?"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Statements {
    /// `CREATE TABLE IF NOT EXISTS`, then one `CREATE INDEX` per index where the dialect
    /// declares them apart from the table.
    pub create_table: &'static [&'static str],
    /// `DROP TABLE IF EXISTS`.
    pub drop_table: &'static str,
    /// One row by id.
    pub select_by_id: &'static str,
    /// Every row, unordered: the prefix of a sorted page.
    pub select_all: &'static str,
    /// One page ordered by id: `LIMIT` then `OFFSET` are its two parameters.
    pub select_page: &'static str,
    /// `SELECT COUNT(*)` of the table.
    pub count: &'static str,
    /// `SELECT COUNT(*)` of the rows with one id.
    pub exists: &'static str,
    /// One row; without the id column when the database generates it (then, in PostgreSQL,
    /// `RETURNING` the id).
    pub insert: &'static str,
    /// Every column but the id, then the id.
    pub update: &'static str,
    /// One row by id (with a `#[repo(soft_delete)]` field: `UPDATE ... SET <soft_delete> = ?
    /// WHERE <id> = ? AND <soft_delete> IS NULL`, which marks a live row).
    pub delete_by_id: &'static str,
    /// One finder per unique or indexed column.
    pub finders: &'static [Finder],
    /// With a `#[repo(soft_delete)]` field, the SQL condition a live row meets
    /// (`"deleted_at" IS NULL`). The compile-time reads (`select_by_id`, `select_page`,
    /// `count`, `exists`, the finders) and `update` include it already; the statements
    /// assembled at run time (sorted pages, `find_by_ids`) AND it in after their own `WHERE`.
    pub live: Option<&'static str>,
    /// The statements of a `#[repo(soft_delete)]` entity that see deleted rows, restore or
    /// purge them. With one, `delete_by_id` is the `UPDATE` that marks the row.
    pub soft_delete: Option<&'static SoftDelete>,
    /// One upsert per conflict target: the id (unless it is generated) and each unique field.
    pub upserts: &'static [Upsert],
}

/// The SQL of `find_by_<field>` (a unique column) or `find_all_by_<field>` (an indexed column).
///
/// ```
/// use pact_core::repository::Finder;
///
/// const BY_EMAIL: Finder = Finder {
///     column: 1,
///     select: "SELECT \"id\", \"email\" FROM \"users\" WHERE \"email\" = ?",
///     select_page: "SELECT \"id\", \"email\" FROM \"users\" WHERE \"email\" = ? ORDER BY \"id\" ASC LIMIT ? OFFSET ?",
///     count: "SELECT COUNT(*) FROM \"users\" WHERE \"email\" = ?",
/// };
/// assert_eq!(BY_EMAIL.column, 1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finder {
    /// The column's index in [`Entity::COLUMNS`](super::Entity::COLUMNS).
    pub column: usize,
    /// The rows holding one value, unordered: the prefix of a sorted page.
    pub select: &'static str,
    /// One page of those rows ordered by id.
    pub select_page: &'static str,
    /// `SELECT COUNT(*)` of those rows.
    pub count: &'static str,
}

impl Statements {
    /// The upsert whose conflict target is the column at `column`.
    #[must_use]
    pub fn upsert(&self, column: usize) -> Option<&'static Upsert> {
        self.upserts.iter().find(|upsert| upsert.column == column)
    }

    /// The finder of the column at `column`.
    #[must_use]
    pub fn finder(&self, column: usize) -> Option<&'static Finder> {
        self.finders.iter().find(|finder| finder.column == column)
    }
}

/// The SQL of a `#[repo(soft_delete)]` entity beyond its live reads: the reads that include
/// deleted rows, `restore_by_id` and `purge_by_id`.
///
/// ```
/// use pact_core::repository::SoftDelete;
///
/// const NOTES: SoftDelete = SoftDelete {
///     select_by_id: "SELECT \"id\", \"deleted_at\" FROM \"notes\" WHERE \"id\" = ?",
///     select_page: "SELECT \"id\", \"deleted_at\" FROM \"notes\" ORDER BY \"id\" ASC LIMIT ? OFFSET ?",
///     count: "SELECT COUNT(*) FROM \"notes\"",
///     restore: "UPDATE \"notes\" SET \"deleted_at\" = NULL WHERE \"id\" = ? AND \"deleted_at\" IS NOT NULL",
///     purge: "DELETE FROM \"notes\" WHERE \"id\" = ?",
/// };
/// assert!(NOTES.purge.starts_with("DELETE"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SoftDelete {
    /// One row by id, deleted or not.
    pub select_by_id: &'static str,
    /// One page of every row, deleted or not, ordered by id (`LIMIT`, `OFFSET`).
    pub select_page: &'static str,
    /// `SELECT COUNT(*)` of every row, deleted or not.
    pub count: &'static str,
    /// Clears the mark of a deleted row.
    pub restore: &'static str,
    /// Removes the row, deleted or not (`DELETE`).
    pub purge: &'static str,
}

/// The SQL of `upsert` (on the id) or `upsert_by_<field>` (on a unique field): the entity's
/// `INSERT` (same parameters), and on a conflict on `column` an update of the stored row.
///
/// SQLite and PostgreSQL: `INSERT ... ON CONFLICT (<column>) DO UPDATE SET ... RETURNING
/// <columns>`. MySQL: `INSERT ... ON DUPLICATE KEY UPDATE ...`, whose first assignment fails
/// (a subquery of two rows, error 1242, answered as `Conflict`) when the key that conflicted
/// is not `column`, so a conflict on another unique field is `Conflict` as on the other
/// databases; the stored row is then read back. The update sets every column but the id,
/// `column` and `created_at`, adds 1 to a version, and clears a soft-delete mark.
///
/// ```
/// use pact_core::repository::Upsert;
///
/// const BY_EMAIL: Upsert = Upsert {
///     column: 1,
///     sql: "INSERT INTO \"users\" (\"email\", \"name\") VALUES (?, ?) ON CONFLICT (\"email\") DO UPDATE SET \"name\" = excluded.\"name\" RETURNING \"id\", \"email\", \"name\"",
///     returning: true,
/// };
/// assert!(BY_EMAIL.returning);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Upsert {
    /// The conflict target's index in [`Entity::COLUMNS`](super::Entity::COLUMNS).
    pub column: usize,
    /// The statement.
    pub sql: &'static str,
    /// Whether `sql` returns the stored row (`RETURNING`); otherwise it is read back by
    /// `column` on the same executor.
    pub returning: bool,
}
