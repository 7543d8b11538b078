//! The three sqlx backends. One macro writes what they share; each says how it learns a
//! generated id (`last_insert_rowid`, `RETURNING`, `LAST_INSERT_ID()`) and how it adapts the
//! compile-time DDL to the server (MySQL's collation).
//!
//! Writes (`execute`, `insert`) run again, up to `MAX_ATTEMPTS` times, when the database
//! rolled them back for a deadlock or a serialization failure; the values are bound afresh for
//! each attempt.

use std::borrow::Cow;
use std::future::Future;

use sqlx::{Arguments as _, Row as _};

use super::driver_errors::{MAX_ATTEMPTS, Meaning, back_off, is_retryable, map_error, meaning};
use super::executor::{SqlUnit, finished};
use super::{Bind, Sql, SqlBackend, SqlBind, SqlDecode, SqlEntity, SqlExecutor, SqlRepository};
use crate::repository::{Dialect, Entity, RepoError};

/// Runs `$body` (a sqlx call on `$x`) on the pool, or on the unit's transaction; inside a
/// unit, a deadlock or serialization failure marks the unit to run again.
macro_rules! on_executor {
    ($exec:expr, $dialect:expr, $entity:ty, |$x:ident| $body:expr) => {{
        let exec = $exec;
        match &exec.unit {
            None => {
                let $x = &exec.pool;
                $body
                    .await
                    .map_err(|err| map_error::<$entity>($dialect, err))
            }
            Some(unit) => {
                let mut guard = unit.lock().await;
                match guard.as_mut() {
                    None => Err(finished()),
                    Some(tx) => {
                        let $x = &mut **tx;
                        $body.await.map_err(|err| {
                            if is_retryable($dialect, &err) {
                                unit.mark_retry();
                            }
                            map_error::<$entity>($dialect, err)
                        })
                    }
                }
            }
        }
    }};
}

fn sql_str(sql: Sql) -> sqlx::SqlStr {
    use sqlx::SqlSafeStr as _;
    match sql {
        std::borrow::Cow::Borrowed(sql) => sql.into_sql_str(),
        // Assembled only from compile-time statements and whitelisted, quoted identifiers.
        std::borrow::Cow::Owned(sql) => sqlx::AssertSqlSafe(sql).into_sql_str(),
    }
}

macro_rules! backend {
    (
        feature = $feature:literal,
        db = $db:ty,
        dialect = $dialect:expr,
        alias = $alias:ident,
        alias_doc = $alias_doc:literal,
        insert_one = $insert_one:path,
        ddl = $ddl:path,
        size = $size:path,
        begin = $begin:path $(,)?
    ) => {
        #[cfg(feature = $feature)]
        #[doc = $alias_doc]
        pub type $alias<E> = SqlRepository<$db, E>;

        #[cfg(feature = $feature)]
        impl SqlBackend for $db {
            type Row = <$db as sqlx::Database>::Row;
            type Arguments = <$db as sqlx::Database>::Arguments;
            type Pool = sqlx::Pool<$db>;
            type Unit = SqlUnit<$db>;
            const DIALECT: Dialect = $dialect;

            fn bind_i64(args: &mut Self::Arguments, value: i64) -> Result<(), RepoError> {
                args.add(value).map_err(RepoError::Backend)
            }

            fn begin(
                pool: &Self::Pool,
            ) -> impl Future<Output = Result<Self::Unit, RepoError>> + Send {
                async move {
                    let tx = $begin(pool)
                        .await
                        .map_err(|err| unit_error($dialect, err))?;
                    Ok(SqlUnit::new(tx))
                }
            }

            fn finish(
                unit: &Self::Unit,
                commit: bool,
            ) -> impl Future<Output = Result<(), RepoError>> + Send {
                async move {
                    let Some(tx) = unit.take().await else {
                        return Err(finished());
                    };
                    let done = if commit {
                        tx.commit().await
                    } else {
                        tx.rollback().await
                    };
                    done.map_err(|err| {
                        if is_retryable($dialect, &err) {
                            unit.mark_retry();
                        }
                        unit_error($dialect, err)
                    })
                }
            }

            fn abandon(unit: &Self::Unit) {
                unit.abandon();
            }

            fn take_retry(unit: &Self::Unit) -> bool {
                unit.take_retry()
            }

            fn savepoint(
                unit: &Self::Unit,
                action: crate::repository::Savepoint,
            ) -> impl Future<Output = Result<(), RepoError>> + Send {
                async move {
                    use crate::repository::Savepoint;
                    let depth = match action {
                        Savepoint::Open => unit.enter(),
                        Savepoint::Release | Savepoint::Rollback => {
                            let depth = unit.depth();
                            unit.leave();
                            depth
                        }
                    };
                    let verb = match action {
                        Savepoint::Open => "SAVEPOINT",
                        Savepoint::Release => "RELEASE SAVEPOINT",
                        Savepoint::Rollback => "ROLLBACK TO SAVEPOINT",
                    };
                    // Only a fixed verb and a number: no value reaches the SQL text.
                    let sql = format!("{verb} pact_unit_{depth}");
                    let mut guard = unit.lock().await;
                    let Some(tx) = guard.as_mut() else {
                        return Err(finished());
                    };
                    sqlx::query(sqlx::AssertSqlSafe(sql))
                        .execute(&mut **tx)
                        .await
                        .map(|_| ())
                        .map_err(RepoError::backend)
                }
            }

            fn fetch_optional<E: Entity>(
                exec: &SqlExecutor<Self>,
                sql: Sql,
                args: Self::Arguments,
            ) -> impl Future<Output = Result<Option<Self::Row>, RepoError>> + Send {
                async move {
                    on_executor!(exec, $dialect, E, |x| sqlx::query_with(sql_str(sql), args)
                        .fetch_optional(x))
                }
            }

            fn fetch_all<E: Entity>(
                exec: &SqlExecutor<Self>,
                sql: Sql,
                args: Self::Arguments,
            ) -> impl Future<Output = Result<Vec<Self::Row>, RepoError>> + Send {
                async move {
                    on_executor!(exec, $dialect, E, |x| sqlx::query_with(sql_str(sql), args)
                        .fetch_all(x))
                }
            }

            fn fetch_count<E: Entity>(
                exec: &SqlExecutor<Self>,
                sql: Sql,
                args: Self::Arguments,
            ) -> impl Future<Output = Result<u64, RepoError>> + Send {
                async move {
                    let count: i64 = on_executor!(exec, $dialect, E, |x| {
                        sqlx::query_scalar_with(sql_str(sql), args).fetch_one(x)
                    })?;
                    Ok(u64::try_from(count).unwrap_or(0))
                }
            }

            fn execute<E: Entity>(
                exec: &SqlExecutor<Self>,
                sql: Sql,
                bind: Bind<'_, Self>,
            ) -> impl Future<Output = Result<u64, RepoError>> + Send {
                async move {
                    if exec.unit.is_some() {
                        // Inside a unit the database rolled the whole transaction back: the
                        // unit runs again, not the statement.
                        let mut args = Self::Arguments::default();
                        bind(&mut args)?;
                        let done = on_executor!(exec, $dialect, E, |x| {
                            sqlx::query_with(sql_str(sql), args).execute(x)
                        })?;
                        return Ok(done.rows_affected());
                    }
                    let mut attempt = 1;
                    loop {
                        let mut args = Self::Arguments::default();
                        bind(&mut args)?;
                        match sqlx::query_with(sql_str(sql.clone()), args)
                            .execute(&exec.pool)
                            .await
                        {
                            Ok(done) => return Ok(done.rows_affected()),
                            Err(err) if attempt < MAX_ATTEMPTS && is_retryable($dialect, &err) => {
                                back_off(attempt).await;
                                attempt += 1;
                            }
                            Err(err) => return Err(map_error::<E>($dialect, err)),
                        }
                    }
                }
            }

            fn insert<E: SqlEntity<Self>>(
                exec: &SqlExecutor<Self>,
                entities: &[E],
            ) -> impl Future<Output = Result<Vec<Option<i64>>, RepoError>> + Send {
                async move {
                    let mut attempt = 1;
                    loop {
                        match $insert_one(exec, entities).await {
                            Ok(ids) => return Ok(ids),
                            Err(Failure::Driver(err)) if exec.unit.is_some() => {
                                if let Some(unit) = &exec.unit
                                    && is_retryable($dialect, &err)
                                {
                                    unit.mark_retry();
                                }
                                return Err(map_error::<E>($dialect, err));
                            }
                            Err(Failure::Driver(err))
                                if attempt < MAX_ATTEMPTS && is_retryable($dialect, &err) =>
                            {
                                back_off(attempt).await;
                                attempt += 1;
                            }
                            Err(Failure::Driver(err)) => return Err(map_error::<E>($dialect, err)),
                            Err(Failure::Bind(err)) => return Err(err),
                        }
                    }
                }
            }

            fn create_table<E: Entity>(
                exec: &SqlExecutor<Self>,
            ) -> impl Future<Output = Result<(), RepoError>> + Send {
                let pool = &exec.pool;
                async move {
                    for sql in E::statements($dialect).create_table {
                        let sql = $ddl(pool, sql)
                            .await
                            .map_err(|err| map_error::<E>($dialect, err))?;
                        sqlx::query(sql_str(sql))
                            .execute(pool)
                            .await
                            .map_err(|err| map_error::<E>($dialect, err))?;
                    }
                    Ok(())
                }
            }

            fn check_size<E: Entity>(
                exec: &SqlExecutor<Self>,
                entities: &[E],
            ) -> impl Future<Output = Result<(), RepoError>> + Send {
                $size(&exec.pool, entities)
            }

            fn run_script<E: Entity>(
                exec: &SqlExecutor<Self>,
                statements: &'static [&'static str],
            ) -> impl Future<Output = Result<(), RepoError>> + Send {
                async move {
                    for sql in statements {
                        sqlx::query(*sql)
                            .execute(&exec.pool)
                            .await
                            .map_err(|err| map_error::<E>($dialect, err))?;
                    }
                    Ok(())
                }
            }
        }

        // `do_not_recommend`: a type sqlx cannot encode is reported as not being `SqlBind`
        // (pact's message), not through sqlx's `Encode` and `Type`.
        #[cfg(feature = $feature)]
        #[diagnostic::do_not_recommend]
        impl<T> SqlBind<$db> for T
        where
            T: for<'q> sqlx::Encode<'q, $db> + sqlx::Type<$db>,
        {
            fn bind(&self, args: &mut <$db as sqlx::Database>::Arguments) -> Result<(), RepoError> {
                args.add(self).map_err(RepoError::Backend)
            }
        }

        #[cfg(feature = $feature)]
        impl SqlBind<$db> for str {
            fn bind(&self, args: &mut <$db as sqlx::Database>::Arguments) -> Result<(), RepoError> {
                args.add(self).map_err(RepoError::Backend)
            }

            fn can_match(&self) -> bool {
                !self.as_bytes().contains(&0)
            }
        }

        #[cfg(feature = $feature)]
        impl SqlBind<$db> for [u8] {
            fn bind(&self, args: &mut <$db as sqlx::Database>::Arguments) -> Result<(), RepoError> {
                args.add(self).map_err(RepoError::Backend)
            }
        }

        #[cfg(feature = $feature)]
        #[diagnostic::do_not_recommend]
        impl<T> SqlDecode<$db> for T
        where
            T: for<'r> sqlx::Decode<'r, $db> + sqlx::Type<$db>,
        {
            fn decode(row: &<$db as sqlx::Database>::Row, index: usize) -> Result<Self, RepoError> {
                row.try_get(index).map_err(RepoError::backend)
            }
        }
    };
}

/// A unit's `BEGIN` or `COMMIT` that failed: `Busy` (503) when the database was busy (a lock
/// wait that timed out, no connection free) or rolled the unit back; `Backend` otherwise.
fn unit_error(dialect: Dialect, err: sqlx::Error) -> RepoError {
    match meaning(dialect, &err) {
        Some(Meaning::Busy | Meaning::Retry) => RepoError::Busy {
            entity: "unit of work",
            retry_after_secs: 1,
        },
        _ => RepoError::backend(err),
    }
}

/// Why an insert failed: a value did not bind or the unit had ended (not retried), or the
/// driver refused.
enum Failure {
    Bind(RepoError),
    Driver(sqlx::Error),
}

impl From<sqlx::Error> for Failure {
    fn from(err: sqlx::Error) -> Self {
        Self::Driver(err)
    }
}

/// Writes the insert of every backend: one statement alone, several in one transaction
/// (all or nothing), each through `$one`, which returns the generated id.
macro_rules! insert_fn {
    ($feature:literal, $name:ident, $db:ty, $one:ident) => {
        #[cfg(feature = $feature)]
        async fn $name<E: SqlEntity<$db>>(
            exec: &SqlExecutor<$db>,
            entities: &[E],
        ) -> Result<Vec<Option<i64>>, Failure> {
            let sql = E::statements(<$db as SqlBackend>::DIALECT).insert;
            let generated = E::COLUMNS[E::ID_COLUMN].generated;
            let bind = |entity: &E| {
                let mut args = <$db as sqlx::Database>::Arguments::default();
                entity.bind_insert(&mut args).map_err(Failure::Bind)?;
                Ok::<_, Failure>(args)
            };
            let mut ids = Vec::with_capacity(entities.len());
            if let Some(unit) = &exec.unit {
                let mut guard = unit.lock().await;
                let Some(tx) = guard.as_mut() else {
                    return Err(Failure::Bind(finished()));
                };
                if let [entity] = entities {
                    return Ok(vec![$one(&mut **tx, sql, bind(entity)?, generated).await?]);
                }
                // A savepoint: the batch stays all or nothing inside the unit too.
                let mut batch = sqlx::Acquire::begin(&mut *tx).await?;
                for entity in entities {
                    ids.push($one(&mut *batch, sql, bind(entity)?, generated).await?);
                }
                batch.commit().await?;
                return Ok(ids);
            }
            if let [entity] = entities {
                return Ok(vec![$one(&exec.pool, sql, bind(entity)?, generated).await?]);
            }
            let mut tx = exec.pool.begin().await?;
            for entity in entities {
                ids.push($one(&mut *tx, sql, bind(entity)?, generated).await?);
            }
            tx.commit().await?;
            Ok(ids)
        }
    };
}

insert_fn!("sqlite", sqlite_insert, sqlx::Sqlite, sqlite_insert_one);
insert_fn!(
    "postgres",
    postgres_insert,
    sqlx::Postgres,
    postgres_insert_one
);
insert_fn!("mysql", mysql_insert, sqlx::MySql, mysql_insert_one);

#[cfg(feature = "sqlite")]
async fn sqlite_insert_one<'c, X>(
    executor: X,
    sql: &'static str,
    args: sqlx::sqlite::SqliteArguments,
    generated: bool,
) -> Result<Option<i64>, sqlx::Error>
where
    X: sqlx::Executor<'c, Database = sqlx::Sqlite>,
{
    let done = sqlx::query_with(sql, args).execute(executor).await?;
    Ok(generated.then(|| done.last_insert_rowid()))
}

#[cfg(feature = "postgres")]
async fn postgres_insert_one<'c, X>(
    executor: X,
    sql: &'static str,
    args: sqlx::postgres::PgArguments,
    generated: bool,
) -> Result<Option<i64>, sqlx::Error>
where
    X: sqlx::Executor<'c, Database = sqlx::Postgres>,
{
    if generated {
        // The statement ends in `RETURNING "id"::int8`.
        let id: i64 = sqlx::query_scalar_with(sql, args)
            .fetch_one(executor)
            .await?;
        return Ok(Some(id));
    }
    sqlx::query_with(sql, args).execute(executor).await?;
    Ok(None)
}

#[cfg(feature = "mysql")]
async fn mysql_insert_one<'c, X>(
    executor: X,
    sql: &'static str,
    args: sqlx::mysql::MySqlArguments,
    generated: bool,
) -> Result<Option<i64>, sqlx::Error>
where
    X: sqlx::Executor<'c, Database = sqlx::MySql>,
{
    let done = sqlx::query_with(sql, args).execute(executor).await?;
    if !generated {
        return Ok(None);
    }
    i64::try_from(done.last_insert_id())
        .map(Some)
        .map_err(|err| sqlx::Error::Decode(Box::new(err)))
}

/// `BEGIN IMMEDIATE`: the unit takes SQLite's write lock when it begins, so concurrent units
/// wait for each other (the connection's busy timeout) instead of failing as "database is
/// locked" when a reader upgrades.
#[cfg(feature = "sqlite")]
async fn sqlite_begin(
    pool: &sqlx::SqlitePool,
) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
    pool.begin_with("BEGIN IMMEDIATE").await
}

/// `SERIALIZABLE`: two units that read and then write the same rows cannot both commit; the
/// loser's serialization failure makes it run again.
#[cfg(feature = "postgres")]
async fn postgres_begin(
    pool: &sqlx::PgPool,
) -> Result<sqlx::Transaction<'static, sqlx::Postgres>, sqlx::Error> {
    pool.begin_with("BEGIN ISOLATION LEVEL SERIALIZABLE").await
}

/// `SERIALIZABLE` (for the next transaction of this connection only): reads take shared
/// locks, so a read-then-write race ends in a deadlock, and the loser runs again.
#[cfg(feature = "mysql")]
async fn mysql_begin(
    pool: &sqlx::MySqlPool,
) -> Result<sqlx::Transaction<'static, sqlx::MySql>, sqlx::Error> {
    let mut connection = pool.acquire().await?;
    sqlx::query("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE")
        .execute(&mut *connection)
        .await?;
    sqlx::Transaction::begin(connection, None).await
}

/// SQLite and PostgreSQL run the compile-time DDL as it is.
#[cfg(any(feature = "sqlite", feature = "postgres"))]
#[allow(clippy::unused_async)] // the same shape as `mysql_ddl`
async fn same_ddl<P: Sync>(_: &P, sql: &'static str) -> Result<Sql, sqlx::Error> {
    Ok(Cow::Borrowed(sql))
}

/// SQLite and PostgreSQL take any row up to their 1 GB value limits.
#[cfg(any(feature = "sqlite", feature = "postgres"))]
#[allow(clippy::unused_async)] // the same shape as `mysql_size`
async fn any_size<P: Sync, E: Entity>(_: &P, _: &[E]) -> Result<(), RepoError> {
    Ok(())
}

/// Rows smaller than this are sent without asking the server's limit (MySQL's smallest
/// default `max_allowed_packet` is 4 MiB, MariaDB's 16 MiB).
#[cfg(feature = "mysql")]
const ASK_ABOVE: usize = 1 << 20;

/// MySQL refuses a statement larger than `max_allowed_packet`, and may reset the connection
/// before its error arrives: a row over [`ASK_ABOVE`] is compared with the server's limit
/// first (one query, only for such rows), and refused as `TooLarge` when it cannot fit.
#[cfg(feature = "mysql")]
async fn mysql_size<E: Entity>(pool: &sqlx::MySqlPool, entities: &[E]) -> Result<(), RepoError> {
    let Some(largest) = entities.iter().map(Entity::stored_len).max() else {
        return Ok(());
    };
    if largest <= ASK_ABOVE {
        return Ok(());
    }
    let limit: u64 = sqlx::query_scalar("SELECT @@max_allowed_packet")
        .fetch_one(pool)
        .await
        .map_err(|err| map_error::<E>(Dialect::MySql, err))?;
    // Besides the values: the packet header, types, NULL bitmap and length prefixes.
    let overhead = 1024 + 16 * E::COLUMNS.len();
    let size = u64::try_from(largest.saturating_add(overhead)).unwrap_or(u64::MAX);
    if size > limit {
        return Err(RepoError::TooLarge { entity: E::NAME });
    }
    Ok(())
}

/// The collation the compile-time MySQL DDL names: MariaDB's binary NO PAD collation.
#[cfg(feature = "mysql")]
const MARIADB_NO_PAD: &str = "utf8mb4_nopad_bin";

/// MySQL 8's binary NO PAD collation.
#[cfg(feature = "mysql")]
const MYSQL_NO_PAD: &str = "utf8mb4_0900_bin";

/// Text must compare by code point with trailing spaces significant, so tables use a binary
/// NO PAD collation: MariaDB's `utf8mb4_nopad_bin` (in the compile-time DDL) or, on a server
/// that lacks it (MySQL 8), `utf8mb4_0900_bin`, chosen by asking the server.
#[cfg(feature = "mysql")]
async fn mysql_ddl(pool: &sqlx::MySqlPool, sql: &'static str) -> Result<Sql, sqlx::Error> {
    if !sql.ends_with(MYSQL_COLLATE) {
        return Ok(Cow::Borrowed(sql));
    }
    let available: Vec<String> = sqlx::query_scalar(
        "SELECT COLLATION_NAME FROM information_schema.COLLATIONS \
         WHERE COLLATION_NAME IN ('utf8mb4_nopad_bin', 'utf8mb4_0900_bin')",
    )
    .fetch_all(pool)
    .await?;
    with_collation(sql, &available).ok_or_else(|| {
        sqlx::Error::Configuration(
            "the server has no binary NO PAD collation (utf8mb4_nopad_bin or utf8mb4_0900_bin); \
             pact's MySQL tables need MariaDB 10.2 or later, or MySQL 8"
                .into(),
        )
    })
}

/// How the compile-time MySQL `CREATE TABLE` ends.
#[cfg(feature = "mysql")]
const MYSQL_COLLATE: &str = "COLLATE=utf8mb4_nopad_bin";

/// The `CREATE TABLE` with the first NO PAD binary collation the server has, or `None`.
#[cfg(feature = "mysql")]
fn with_collation(sql: &'static str, available: &[String]) -> Option<Sql> {
    let head = sql.strip_suffix(MYSQL_COLLATE)?;
    if available.iter().any(|name| name == MARIADB_NO_PAD) {
        Some(Cow::Borrowed(sql))
    } else if available.iter().any(|name| name == MYSQL_NO_PAD) {
        Some(Cow::Owned(format!("{head}COLLATE={MYSQL_NO_PAD}")))
    } else {
        None
    }
}

#[cfg(all(test, feature = "mysql"))]
mod tests {
    use super::with_collation;

    const DDL: &str = "CREATE TABLE IF NOT EXISTS `t` (`id` BIGINT NOT NULL PRIMARY KEY) \
                       ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin";

    #[test]
    fn mariadb_keeps_its_collation_and_mysql_8_gets_its_own() {
        let mariadb = ["utf8mb4_nopad_bin".to_owned()];
        assert_eq!(with_collation(DDL, &mariadb).as_deref(), Some(DDL));
        let mysql = ["utf8mb4_0900_bin".to_owned()];
        let sql = with_collation(DDL, &mysql).unwrap();
        assert!(
            sql.ends_with("CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin"),
            "{sql}"
        );
        assert_eq!(with_collation(DDL, &[]), None, "MySQL 5.7 has neither");
    }
}

backend! {
    feature = "sqlite",
    db = sqlx::Sqlite,
    dialect = Dialect::Sqlite,
    alias = SqliteRepository,
    alias_doc = "A repository on SQLite: `SqliteRepository::<User>::new(pool)`.",
    insert_one = sqlite_insert,
    ddl = same_ddl,
    size = any_size,
    begin = sqlite_begin,
}

backend! {
    feature = "postgres",
    db = sqlx::Postgres,
    dialect = Dialect::Postgres,
    alias = PgRepository,
    alias_doc = "A repository on PostgreSQL: `PgRepository::<User>::new(pool)`.",
    insert_one = postgres_insert,
    ddl = same_ddl,
    size = any_size,
    begin = postgres_begin,
}

backend! {
    feature = "mysql",
    db = sqlx::MySql,
    dialect = Dialect::MySql,
    alias = MySqlRepository,
    alias_doc = "A repository on MySQL or MariaDB: `MySqlRepository::<User>::new(pool)`.",
    insert_one = mysql_insert,
    ddl = mysql_ddl,
    size = mysql_size,
    begin = mysql_begin,
}
