//! The sqlx repositories: [`SqlRepository`] over a [`SqlBackend`] (SQLite, PostgreSQL,
//! MySQL/MariaDB), with the row decoding and binding the derive generates ([`SqlEntity`]).

mod backend;
#[cfg(feature = "_sqlx")]
mod backends;
#[cfg(feature = "_sqlx")]
mod driver_errors;
mod executor;
mod keyset;
mod lifecycle;
mod query;
mod row;
mod upsert;

use std::borrow::Cow;
use std::future::Future;
use std::marker::PhantomData;

use super::{Dialect, Entity, RepoError};

#[cfg(feature = "mysql")]
pub use backends::MySqlRepository;
#[cfg(feature = "postgres")]
pub use backends::PgRepository;
#[cfg(feature = "sqlite")]
pub use backends::SqliteRepository;
#[cfg(feature = "_sqlx")]
pub(crate) use driver_errors::{MAX_ATTEMPTS, back_off};
pub use executor::SqlExecutor;
#[cfg(feature = "_sqlx")]
pub use executor::SqlUnit;
pub use keyset::SqlKeyset;
pub use row::{SqlRow, Wide};

/// A SQL statement: a constant the derive computed, or a sorted page assembled at run time
/// from those constants and whitelisted identifiers.
pub type Sql = Cow<'static, str>;

/// Binds the parameters of a write, once per attempt: a write the database rolled back for a
/// deadlock runs again with its values bound afresh.
pub type Bind<'a, DB> =
    &'a (dyn Fn(&mut <DB as SqlBackend>::Arguments) -> Result<(), RepoError> + Sync);

/// A database a [`SqlRepository`] runs on: implemented for `sqlx::Sqlite`, `sqlx::Postgres` and
/// `sqlx::MySql` behind the `sqlite`, `postgres` and `mysql` features.
///
/// The methods are the few operations every repository call is made of. Each backend maps its
/// driver's error codes through one table to the typed errors (`Conflict`, `InvalidValue`,
/// `TooLarge`, `Busy`) and everything else to [`RepoError::Backend`]; writes rolled back for a
/// deadlock or a serialization failure run again (a few times) before they answer `Busy`.
///
/// ```
/// # #[cfg(feature = "sqlite")] {
/// use pact_core::repository::{Dialect, SqlBackend};
///
/// assert_eq!(<sqlx::Sqlite as SqlBackend>::DIALECT, Dialect::Sqlite);
/// # }
/// ```
pub trait SqlBackend: Send + Sync + Sized + 'static {
    /// A result row.
    type Row: Send;
    /// Bound parameters, in order.
    type Arguments: Default + Send;
    /// The connection pool a repository is built from.
    type Pool: Clone + Send + Sync + 'static;
    /// One unit of work's transaction, shared by the repositories it hands out.
    type Unit: Send + Sync + 'static;
    /// The SQL dialect.
    const DIALECT: Dialect;

    /// Begins a unit of work's transaction: `BEGIN IMMEDIATE` on SQLite (the write lock is
    /// taken first, so concurrent units wait for it instead of failing), `SERIALIZABLE` on
    /// PostgreSQL and MySQL (a read-then-write race ends in a serialization failure or a
    /// deadlock, and the unit runs again, instead of a lost update).
    fn begin(pool: &Self::Pool) -> impl Future<Output = Result<Self::Unit, RepoError>> + Send;

    /// Commits (`commit`) or rolls back the unit's transaction.
    fn finish(
        unit: &Self::Unit,
        commit: bool,
    ) -> impl Future<Output = Result<(), RepoError>> + Send;

    /// Rolls the unit back without waiting (a dropped or panicking unit).
    fn abandon(unit: &Self::Unit);

    /// Whether a statement of the unit failed for a deadlock or a serialization failure
    /// since the last call: the database rolled it back, and the unit may run again.
    fn take_retry(unit: &Self::Unit) -> bool;

    /// Opens (`Savepoint::Open`), releases or rolls back to the savepoint of a nested unit.
    fn savepoint(
        unit: &Self::Unit,
        action: Savepoint,
    ) -> impl Future<Output = Result<(), RepoError>> + Send;

    /// Appends an `i64` parameter (`LIMIT` and `OFFSET`).
    ///
    /// # Errors
    /// [`RepoError::Backend`] when the value cannot be encoded.
    fn bind_i64(args: &mut Self::Arguments, value: i64) -> Result<(), RepoError>;

    /// Runs a query that returns at most one row.
    fn fetch_optional<E: Entity>(
        exec: &SqlExecutor<Self>,
        sql: Sql,
        args: Self::Arguments,
    ) -> impl Future<Output = Result<Option<Self::Row>, RepoError>> + Send;

    /// Runs a query that returns rows.
    fn fetch_all<E: Entity>(
        exec: &SqlExecutor<Self>,
        sql: Sql,
        args: Self::Arguments,
    ) -> impl Future<Output = Result<Vec<Self::Row>, RepoError>> + Send;

    /// Runs a `SELECT COUNT(*)`.
    fn fetch_count<E: Entity>(
        exec: &SqlExecutor<Self>,
        sql: Sql,
        args: Self::Arguments,
    ) -> impl Future<Output = Result<u64, RepoError>> + Send;

    /// Runs a write and returns how many rows it changed; `bind` gives its parameters, again
    /// for each attempt.
    fn execute<E: Entity>(
        exec: &SqlExecutor<Self>,
        sql: Sql,
        bind: Bind<'_, Self>,
    ) -> impl Future<Output = Result<u64, RepoError>> + Send;

    /// Runs the entity's `INSERT` once per entity (several in one transaction) and returns the
    /// generated ids (when the id is generated).
    fn insert<E: SqlEntity<Self>>(
        exec: &SqlExecutor<Self>,
        entities: &[E],
    ) -> impl Future<Output = Result<Vec<Option<i64>>, RepoError>> + Send;

    /// Runs the entity's `CREATE TABLE` and `CREATE INDEX` statements, adapted to the server
    /// where it matters (MySQL 8 gets `utf8mb4_0900_bin` where MariaDB has
    /// `utf8mb4_nopad_bin`).
    fn create_table<E: Entity>(
        exec: &SqlExecutor<Self>,
    ) -> impl Future<Output = Result<(), RepoError>> + Send;

    /// Refuses, as [`RepoError::TooLarge`], rows the server would refuse for their size
    /// (MySQL's `max_allowed_packet`, asked for rows over 1 MiB); the other backends accept
    /// any row.
    fn check_size<E: Entity>(
        exec: &SqlExecutor<Self>,
        entities: &[E],
    ) -> impl Future<Output = Result<(), RepoError>> + Send;

    /// Runs statements in order (`DROP TABLE`).
    fn run_script<E: Entity>(
        exec: &SqlExecutor<Self>,
        statements: &'static [&'static str],
    ) -> impl Future<Output = Result<(), RepoError>> + Send;
}

/// What [`SqlBackend::savepoint`] does to a nested unit's savepoint.
///
/// ```
/// use pact_core::repository::Savepoint;
///
/// assert_ne!(Savepoint::Release, Savepoint::Rollback);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Savepoint {
    /// `SAVEPOINT pact_n`: a nested unit begins.
    Open,
    /// `RELEASE SAVEPOINT pact_n`: it returned `Ok`.
    Release,
    /// `ROLLBACK TO SAVEPOINT pact_n`: it failed; the outer unit goes on without its writes.
    Rollback,
}

/// A value bound as a SQL parameter: every type sqlx can encode for the backend, and `str` and
/// `[u8]` (for finders that take `&str` and `&[u8]`).
///
/// ```
/// # #[cfg(feature = "sqlite")] {
/// use pact_core::repository::{SqlBackend, SqlBind};
///
/// let mut args = <sqlx::Sqlite as SqlBackend>::Arguments::default();
/// // A parameter, never SQL text:
/// SqlBind::<sqlx::Sqlite>::bind("it's; DROP TABLE users", &mut args).unwrap();
/// SqlBind::<sqlx::Sqlite>::bind(&42_i64, &mut args).unwrap();
/// # }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a parameter of `{DB}`",
    label = "sqlx cannot encode this type for `{DB}`",
    note = "use a type sqlx supports for this database (PostgreSQL has no unsigned integers, for example), or implement `sqlx::Encode` and `sqlx::Type` for it"
)]
pub trait SqlBind<DB: SqlBackend> {
    /// Appends `self` to the parameters.
    ///
    /// # Errors
    /// [`RepoError::Backend`] when the value cannot be encoded.
    fn bind(&self, args: &mut DB::Arguments) -> Result<(), RepoError>;

    /// Whether a stored value can equal this one. Text holding a NUL character cannot (no
    /// backend stores one, and PostgreSQL refuses it even as a parameter), so a lookup by it
    /// finds nothing without running SQL, as it does in memory.
    fn can_match(&self) -> bool {
        true
    }
}

/// A column value decoded from a row: every type sqlx can decode for the backend.
///
/// ```
/// # #[cfg(feature = "sqlite")] {
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// use pact_core::repository::SqlDecode;
///
/// let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
/// let row = sqlx::query("SELECT 'ok'").fetch_one(&pool).await.unwrap();
/// assert_eq!(<String as SqlDecode<sqlx::Sqlite>>::decode(&row, 0).unwrap(), "ok");
/// # });
/// # }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read from a `{DB}` row",
    label = "sqlx cannot decode this type for `{DB}`",
    note = "use a type sqlx supports for this database, or implement `sqlx::Decode` and `sqlx::Type` for it"
)]
pub trait SqlDecode<DB: SqlBackend>: Sized {
    /// Reads column `index` of `row`.
    ///
    /// # Errors
    /// [`RepoError::Backend`] when the column's type does not match.
    fn decode(row: &DB::Row, index: usize) -> Result<Self, RepoError>;
}

/// A type that can be a column on `DB`: bound as a parameter ([`SqlBind`]) and read from a row
/// ([`SqlDecode`]). The derive requires it of every stored field's type, so a type the backend
/// cannot store (`u64` on PostgreSQL) is one error, in these words, where the repository is
/// used.
///
/// ```
/// # #[cfg(feature = "sqlite")] {
/// use pact_core::repository::SqlColumn;
///
/// fn column<T: SqlColumn<sqlx::Sqlite>>() {}
/// column::<i64>();
/// column::<Option<String>>();
/// # }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a column of a `{DB}` table",
    label = "sqlx cannot store this type in `{DB}`",
    note = "use a type sqlx supports for this database (PostgreSQL has no unsigned integers: use `i64`, or `i32` for a `u16`), or implement `sqlx::Encode`, `sqlx::Decode` and `sqlx::Type` for it"
)]
pub trait SqlColumn<DB: SqlBackend>: SqlBind<DB> + SqlDecode<DB> {}

#[diagnostic::do_not_recommend]
impl<DB: SqlBackend, T: SqlBind<DB> + SqlDecode<DB>> SqlColumn<DB> for T {}

/// Row decoding and parameter binding of an [`Entity`] for one backend. Implemented once, for
/// every [`Entity`] whose field types the backend stores (its
/// [`Row`](Entity::Row) is a [`SqlRow`] of the backend): the derive generates no code per
/// backend.
///
/// ```
/// # #[cfg(feature = "sqlite")] {
/// use pact_core::repository::{SqlEntity, SqlRepository};
///
/// // `SqlRepository<DB, E>` needs `E: SqlEntity<DB>`, which `#[derive(Repository)]` provides:
/// fn repository<E: SqlEntity<sqlx::Sqlite>>(pool: sqlx::SqlitePool) -> SqlRepository<sqlx::Sqlite, E> {
///     SqlRepository::new(pool)
/// }
/// # }
/// ```
pub trait SqlEntity<DB: SqlBackend>: Entity {
    /// Builds the entity from a row of [`COLUMNS`](Entity::COLUMNS), in order; fields that are
    /// not persisted get their defaults.
    ///
    /// # Errors
    /// [`RepoError::Backend`] when a column does not decode.
    fn decode_row(row: &DB::Row) -> Result<Self, RepoError>;

    /// Binds the parameters of the `INSERT`: every column but a generated id.
    ///
    /// # Errors
    /// [`RepoError::Backend`] when a value does not encode.
    fn bind_insert(&self, args: &mut DB::Arguments) -> Result<(), RepoError>;

    /// Binds the parameters of the `UPDATE`: every column but the id (and the version), then
    /// the id, then, with a `#[repo(version)]` field, the version the update is made from.
    ///
    /// # Errors
    /// [`RepoError::Backend`] when a value does not encode.
    fn bind_update(&self, args: &mut DB::Arguments) -> Result<(), RepoError>;

    /// Binds the id alone (the parameter of `select_by_id`).
    ///
    /// # Errors
    /// [`RepoError::Backend`] when the value does not encode.
    fn bind_id(&self, args: &mut DB::Arguments) -> Result<(), RepoError>;

    /// Binds a finder's value (the parameter of its `WHERE`), or, when no row can hold it
    /// (text with a NUL character), binds nothing and is `false`.
    ///
    /// # Errors
    /// [`RepoError::Backend`] when the value does not encode.
    fn bind_value(value: &Self::Value<'_>, args: &mut DB::Arguments) -> Result<bool, RepoError>;

    /// Binds the value of the unique column at `column` (the parameter of its finder): how an
    /// upsert on MySQL reads the stored row back.
    ///
    /// # Errors
    /// [`RepoError::Backend`] when `column` is not unique, or the value does not encode.
    fn bind_unique(&self, column: usize, args: &mut DB::Arguments) -> Result<(), RepoError> {
        let _ = args;
        Err(RepoError::backend(format!(
            "{} has no unique column {column}",
            Self::NAME
        )))
    }

    /// Binds `Some(now)` (microseconds since the Unix epoch) as the `#[repo(soft_delete)]`
    /// column's type: the first parameter of a soft `delete_by_id`.
    ///
    /// # Errors
    /// [`RepoError::Backend`] when the entity has no `soft_delete` field, or the value does
    /// not fit or encode.
    fn bind_deleted_at(now: i64, args: &mut DB::Arguments) -> Result<(), RepoError> {
        let _ = (now, args);
        Err(RepoError::backend(format!(
            "{} has no `#[repo(soft_delete)]` field",
            Self::NAME
        )))
    }
}

/// A repository of `E` on a sqlx pool. `#[derive(Repository)]` implements the entity's
/// repository trait for it; [`SqliteRepository`], [`PgRepository`] and [`MySqlRepository`]
/// name it per backend.
///
/// Every value is a bound parameter and every identifier was fixed at compile time; a sort key
/// only selects one of those identifiers.
///
/// ```
/// # #[cfg(feature = "sqlite")] {
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// use pact_core::repository::{SqlEntity, SqliteRepository};
///
/// async fn users<E: SqlEntity<sqlx::Sqlite>>() -> SqliteRepository<E> {
///     let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
///     let repo = SqliteRepository::<E>::new(pool);
///     repo.create_table().await.unwrap();
///     repo
/// }
/// # });
/// # }
/// ```
pub struct SqlRepository<DB: SqlBackend, E> {
    exec: SqlExecutor<DB>,
    entity: PhantomData<fn() -> E>,
}

impl<DB: SqlBackend, E> Clone for SqlRepository<DB, E> {
    fn clone(&self) -> Self {
        Self::on(self.exec.clone())
    }
}

impl<DB: SqlBackend, E> std::fmt::Debug for SqlRepository<DB, E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqlRepository")
            .field("dialect", &DB::DIALECT)
            .field("entity", &std::any::type_name::<E>())
            .finish_non_exhaustive()
    }
}

impl<DB: SqlBackend, E> SqlRepository<DB, E> {
    /// A repository on `pool`. Several repositories can share one pool.
    #[must_use]
    pub fn new(pool: DB::Pool) -> Self {
        Self::on(SqlExecutor { pool, unit: None })
    }

    /// A repository on an executor: the pool, or a unit of work's transaction.
    pub(crate) fn on(exec: SqlExecutor<DB>) -> Self {
        Self {
            exec,
            entity: PhantomData,
        }
    }

    /// The pool this repository runs on (for a repository a unit of work handed out, the
    /// pool its transaction came from; its statements run on the transaction).
    #[must_use]
    pub fn pool(&self) -> &DB::Pool {
        &self.exec.pool
    }
}
