//! The three sqlx backends. One macro writes what they share; each says how it learns a
//! generated id (`last_insert_rowid`, `RETURNING`, `LAST_INSERT_ID()`).

use std::future::Future;

use sqlx::{Arguments as _, Row as _};

use super::conflict::map_error;
use super::{Sql, SqlBackend, SqlBind, SqlDecode, SqlRepository};
use crate::repository::{Dialect, Entity, RepoError};

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
        insert_one = $insert_one:path $(,)?
    ) => {
        #[cfg(feature = $feature)]
        #[doc = $alias_doc]
        pub type $alias<E> = SqlRepository<$db, E>;

        #[cfg(feature = $feature)]
        impl SqlBackend for $db {
            type Row = <$db as sqlx::Database>::Row;
            type Arguments = <$db as sqlx::Database>::Arguments;
            type Pool = sqlx::Pool<$db>;
            const DIALECT: Dialect = $dialect;

            fn bind_i64(args: &mut Self::Arguments, value: i64) -> Result<(), RepoError> {
                args.add(value).map_err(RepoError::Backend)
            }

            fn fetch_optional<E: Entity>(
                pool: &Self::Pool,
                sql: Sql,
                args: Self::Arguments,
            ) -> impl Future<Output = Result<Option<Self::Row>, RepoError>> + Send {
                async move {
                    sqlx::query_with(sql_str(sql), args)
                        .fetch_optional(pool)
                        .await
                        .map_err(map_error::<E>)
                }
            }

            fn fetch_all<E: Entity>(
                pool: &Self::Pool,
                sql: Sql,
                args: Self::Arguments,
            ) -> impl Future<Output = Result<Vec<Self::Row>, RepoError>> + Send {
                async move {
                    sqlx::query_with(sql_str(sql), args)
                        .fetch_all(pool)
                        .await
                        .map_err(map_error::<E>)
                }
            }

            fn fetch_count<E: Entity>(
                pool: &Self::Pool,
                sql: Sql,
                args: Self::Arguments,
            ) -> impl Future<Output = Result<u64, RepoError>> + Send {
                async move {
                    let count: i64 = sqlx::query_scalar_with(sql_str(sql), args)
                        .fetch_one(pool)
                        .await
                        .map_err(map_error::<E>)?;
                    Ok(u64::try_from(count).unwrap_or(0))
                }
            }

            fn execute<E: Entity>(
                pool: &Self::Pool,
                sql: Sql,
                args: Self::Arguments,
            ) -> impl Future<Output = Result<u64, RepoError>> + Send {
                async move {
                    sqlx::query_with(sql_str(sql), args)
                        .execute(pool)
                        .await
                        .map(|done| done.rows_affected())
                        .map_err(map_error::<E>)
                }
            }

            fn insert<E: Entity>(
                pool: &Self::Pool,
                rows: Vec<Self::Arguments>,
            ) -> impl Future<Output = Result<Vec<Option<i64>>, RepoError>> + Send {
                async move {
                    let sql = E::statements($dialect).insert;
                    let generated = E::COLUMNS[E::ID_COLUMN].generated;
                    let mut ids = Vec::with_capacity(rows.len());
                    if rows.len() == 1 {
                        for args in rows {
                            ids.push(
                                $insert_one(pool, sql, args, generated)
                                    .await
                                    .map_err(map_error::<E>)?,
                            );
                        }
                        return Ok(ids);
                    }
                    let mut tx = pool.begin().await.map_err(map_error::<E>)?;
                    for args in rows {
                        ids.push(
                            $insert_one(&mut *tx, sql, args, generated)
                                .await
                                .map_err(map_error::<E>)?,
                        );
                    }
                    tx.commit().await.map_err(map_error::<E>)?;
                    Ok(ids)
                }
            }

            fn run_script<E: Entity>(
                pool: &Self::Pool,
                statements: &'static [&'static str],
            ) -> impl Future<Output = Result<(), RepoError>> + Send {
                async move {
                    for sql in statements {
                        sqlx::query(*sql)
                            .execute(pool)
                            .await
                            .map_err(map_error::<E>)?;
                    }
                    Ok(())
                }
            }
        }

        #[cfg(feature = $feature)]
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
        }

        #[cfg(feature = $feature)]
        impl SqlBind<$db> for [u8] {
            fn bind(&self, args: &mut <$db as sqlx::Database>::Arguments) -> Result<(), RepoError> {
                args.add(self).map_err(RepoError::Backend)
            }
        }

        #[cfg(feature = $feature)]
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

#[cfg(feature = "sqlite")]
async fn sqlite_insert<'c, X>(
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
async fn postgres_insert<'c, X>(
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
async fn mysql_insert<'c, X>(
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

backend! {
    feature = "sqlite",
    db = sqlx::Sqlite,
    dialect = Dialect::Sqlite,
    alias = SqliteRepository,
    alias_doc = "A repository on SQLite: `SqliteRepository::<User>::new(pool)`.",
    insert_one = sqlite_insert,
}

backend! {
    feature = "postgres",
    db = sqlx::Postgres,
    dialect = Dialect::Postgres,
    alias = PgRepository,
    alias_doc = "A repository on PostgreSQL: `PgRepository::<User>::new(pool)`.",
    insert_one = postgres_insert,
}

backend! {
    feature = "mysql",
    db = sqlx::MySql,
    dialect = Dialect::MySql,
    alias = MySqlRepository,
    alias_doc = "A repository on MySQL or MariaDB: `MySqlRepository::<User>::new(pool)`.",
    insert_one = mysql_insert,
}
