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
    /// One row by id.
    pub delete_by_id: &'static str,
    /// One finder per unique or indexed column.
    pub finders: &'static [Finder],
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
    /// The finder of the column at `column`.
    #[must_use]
    pub fn finder(&self, column: usize) -> Option<&'static Finder> {
        self.finders.iter().find(|finder| finder.column == column)
    }
}
