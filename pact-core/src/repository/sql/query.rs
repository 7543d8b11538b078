//! The repository calls of [`SqlRepository`], generic over the backend: each binds its values
//! and runs one of the statements the derive computed.

use std::borrow::{Borrow, Cow};

use super::{Sql, SqlBackend, SqlBind, SqlEntity, SqlRepository};
use crate::repository::{
    Dialect, Entity, Page, PagePlan, PageRequest, RepoError, RepoFuture, page_plan,
};

impl<DB: SqlBackend, E: SqlEntity<DB>> SqlRepository<DB, E> {
    /// Creates the entity's table and indexes if they do not exist (`E::create_table_sql`).
    ///
    /// # Errors
    /// [`RepoError::Backend`] when the database refuses a statement.
    pub async fn create_table(&self) -> Result<(), RepoError> {
        DB::create_table::<E>(&self.exec).await
    }

    /// Drops the entity's table if it exists.
    ///
    /// # Errors
    /// [`RepoError::Backend`] when the database refuses the statement.
    pub async fn drop_table(&self) -> Result<(), RepoError> {
        let statements = E::statements(DB::DIALECT);
        DB::run_script::<E>(&self.exec, std::slice::from_ref(&statements.drop_table)).await
    }

    /// `find_by_id`.
    #[doc(hidden)]
    pub fn find_row<'a, Q>(
        &'a self,
        id: impl Borrow<Q> + Send + 'a,
    ) -> RepoFuture<'a, Result<Option<E>, RepoError>>
    where
        Q: SqlBind<DB> + Sync + ?Sized + 'a,
    {
        RepoFuture::boxed(async move {
            let id = id.borrow();
            if !id.can_match() {
                return Ok(None);
            }
            let mut args = DB::Arguments::default();
            id.bind(&mut args)?;
            let sql = E::statements(DB::DIALECT).select_by_id;
            let row = DB::fetch_optional::<E>(&self.exec, Cow::Borrowed(sql), args).await?;
            row.as_ref().map(E::decode_row).transpose()
        })
    }

    /// `get_by_id`.
    #[doc(hidden)]
    pub fn get_row<'a, Q>(
        &'a self,
        id: impl Borrow<Q> + Send + 'a,
    ) -> RepoFuture<'a, Result<E, RepoError>>
    where
        Q: SqlBind<DB> + std::fmt::Debug + Sync + ?Sized + 'a,
    {
        RepoFuture::boxed(async move {
            let id = id.borrow();
            self.find_row::<Q>(id)
                .await?
                .ok_or_else(|| RepoError::not_found(E::NAME, id))
        })
    }

    /// `find_by_ids`: the rows among `ids`, ordered by id, each once, in one `SELECT ... WHERE
    /// id IN (?, ...)` per `IDS_PER_QUERY` distinct ids.
    ///
    /// `key` gives the value an id is bound as (`&str` for a `String` id), so text holding a
    /// NUL character is left out as in every other lookup.
    #[doc(hidden)]
    pub fn find_rows<'a, Q>(
        &'a self,
        ids: &'a [E::Id],
        key: impl Fn(&E::Id) -> &Q + Send + 'a,
    ) -> RepoFuture<'a, Result<Vec<E>, RepoError>>
    where
        Q: SqlBind<DB> + Sync + ?Sized + 'a,
    {
        RepoFuture::boxed(async move {
            let mut ids: Vec<&E::Id> = ids.iter().filter(|id| key(id).can_match()).collect();
            ids.sort_unstable();
            ids.dedup();
            let statements = E::statements(DB::DIALECT);
            let mut rows = Vec::with_capacity(ids.len());
            for chunk in ids.chunks(IDS_PER_QUERY) {
                let sql = in_list_sql::<E>(
                    DB::DIALECT,
                    statements.select_all,
                    chunk.len(),
                    statements.live,
                );
                let mut args = DB::Arguments::default();
                for id in chunk {
                    key(id).bind(&mut args)?;
                }
                for row in DB::fetch_all::<E>(&self.exec, sql, args).await? {
                    rows.push(E::decode_row(&row)?);
                }
            }
            rows.sort_by(|a, b| a.id().cmp(b.id()));
            Ok(rows)
        })
    }

    /// `find_by_<unique field>`.
    #[doc(hidden)]
    pub fn find_unique<'a>(
        &'a self,
        value: E::Value<'a>,
    ) -> RepoFuture<'a, Result<Option<E>, RepoError>> {
        RepoFuture::boxed(async move {
            let finder = finder::<DB, E>(E::value_column(&value))?;
            let mut args = DB::Arguments::default();
            if !E::bind_value(&value, &mut args)? {
                return Ok(None);
            }
            let row =
                DB::fetch_optional::<E>(&self.exec, Cow::Borrowed(finder.select), args).await?;
            row.as_ref().map(E::decode_row).transpose()
        })
    }

    /// `find_all`.
    #[doc(hidden)]
    pub fn find_page(&self, request: PageRequest) -> RepoFuture<'_, Result<Page<E>, RepoError>> {
        RepoFuture::boxed(async move {
            let request = &request;
            let plan = page_plan::<E>(request)?;
            let statements = E::statements(DB::DIALECT);
            let total = DB::fetch_count::<E>(
                &self.exec,
                Cow::Borrowed(statements.count),
                DB::Arguments::default(),
            )
            .await?;
            let sql = page_sql::<E>(
                DB::DIALECT,
                statements.select_page,
                statements.select_all,
                statements.live,
                &plan,
                0,
            );
            let args = DB::Arguments::default();
            self.fetch_page(sql, args, request, &plan, total).await
        })
    }

    /// `find_all_by_<indexed field>`.
    #[doc(hidden)]
    pub fn find_page_by<'a>(
        &'a self,
        value: E::Value<'a>,
        request: PageRequest,
    ) -> RepoFuture<'a, Result<Page<E>, RepoError>> {
        RepoFuture::boxed(async move {
            let request = &request;
            let plan = page_plan::<E>(request)?;
            let finder = finder::<DB, E>(E::value_column(&value))?;
            let mut args = DB::Arguments::default();
            if !E::bind_value(&value, &mut args)? {
                return Ok(Page {
                    items: Vec::new(),
                    total: 0,
                    offset: request.offset,
                    limit: plan.limit,
                });
            }
            let total = DB::fetch_count::<E>(&self.exec, Cow::Borrowed(finder.count), args).await?;
            let mut args = DB::Arguments::default();
            E::bind_value(&value, &mut args)?;
            let sql = page_sql::<E>(
                DB::DIALECT,
                finder.select_page,
                finder.select,
                None,
                &plan,
                1,
            );
            self.fetch_page(sql, args, request, &plan, total).await
        })
    }

    pub(super) async fn fetch_page(
        &self,
        sql: Sql,
        mut args: DB::Arguments,
        request: &PageRequest,
        plan: &PagePlan,
        total: u64,
    ) -> Result<Page<E>, RepoError> {
        let mut items = Vec::new();
        if plan.limit > 0 && request.offset < total {
            DB::bind_i64(&mut args, i64::from(plan.limit))?;
            DB::bind_i64(&mut args, i64::try_from(request.offset).unwrap_or(i64::MAX))?;
            let rows = DB::fetch_all::<E>(&self.exec, sql, args).await?;
            items = rows.iter().map(E::decode_row).collect::<Result<_, _>>()?;
        }
        Ok(Page {
            items,
            total,
            offset: request.offset,
            limit: plan.limit,
        })
    }

    /// `count`.
    #[doc(hidden)]
    pub fn count_rows(&self) -> RepoFuture<'_, Result<u64, RepoError>> {
        RepoFuture::boxed(async move {
            let sql = E::statements(DB::DIALECT).count;
            DB::fetch_count::<E>(&self.exec, Cow::Borrowed(sql), DB::Arguments::default()).await
        })
    }

    /// `exists`.
    #[doc(hidden)]
    pub fn contains<'a, Q>(
        &'a self,
        id: impl Borrow<Q> + Send + 'a,
    ) -> RepoFuture<'a, Result<bool, RepoError>>
    where
        Q: SqlBind<DB> + Sync + ?Sized + 'a,
    {
        RepoFuture::boxed(async move {
            let id = id.borrow();
            if !id.can_match() {
                return Ok(false);
            }
            let mut args = DB::Arguments::default();
            id.bind(&mut args)?;
            let sql = E::statements(DB::DIALECT).exists;
            Ok(DB::fetch_count::<E>(&self.exec, Cow::Borrowed(sql), args).await? > 0)
        })
    }

    /// `insert`.
    #[doc(hidden)]
    pub fn insert_row(&self, entity: E) -> RepoFuture<'_, Result<E, RepoError>> {
        RepoFuture::boxed(async move {
            let mut stored = self.insert_rows(vec![entity]).await?;
            stored
                .pop()
                .ok_or_else(|| RepoError::backend("the insert returned no row"))
        })
    }

    /// `insert_many`: one transaction, all or nothing.
    #[doc(hidden)]
    pub fn insert_rows(&self, mut entities: Vec<E>) -> RepoFuture<'_, Result<Vec<E>, RepoError>> {
        RepoFuture::boxed(async move {
            if entities.is_empty() {
                return Ok(entities);
            }
            let now = crate::repository::now_unix_micros();
            for entity in &mut entities {
                entity.stamp(crate::repository::Stamp::Insert, now)?;
                entity.check_values()?;
                if E::VERSION_COLUMN.is_some() {
                    entity.set_version(1)?;
                }
            }
            DB::check_size(&self.exec, &entities).await?;
            let ids = DB::insert(&self.exec, &entities).await?;
            let mut stored = Vec::with_capacity(entities.len());
            for (mut entity, id) in entities.into_iter().zip(ids) {
                entity.clear_transient();
                if let Some(id) = id {
                    entity.set_generated_id(id)?;
                }
                stored.push(entity);
            }
            Ok(stored)
        })
    }

    /// `update`: the whole row; `NotFound` when no row has the id. With a `#[repo(version)]`
    /// field the statement is `UPDATE ... SET ..., version = version + 1 WHERE id = ? AND
    /// version = ?`: when it changes no row, one lookup tells a missing row (`NotFound`) from a
    /// stale version (`VersionConflict` with the stored one).
    #[doc(hidden)]
    pub fn update_row(&self, mut entity: E) -> RepoFuture<'_, Result<E, RepoError>> {
        RepoFuture::boxed(async move {
            entity.stamp(
                crate::repository::Stamp::Update,
                crate::repository::now_unix_micros(),
            )?;
            entity.check_values()?;
            DB::check_size(&self.exec, std::slice::from_ref(&entity)).await?;
            let sql = E::statements(DB::DIALECT).update;
            let bind = |args: &mut DB::Arguments| entity.bind_update(args);
            let changed = DB::execute::<E>(&self.exec, Cow::Borrowed(sql), &bind).await?;
            if changed == 0 {
                return Err(self.missed_update(&entity).await);
            }
            if E::VERSION_COLUMN.is_some() {
                let next = entity
                    .version()
                    .checked_add(1)
                    .ok_or_else(|| RepoError::backend(format!("{} version overflow", E::NAME)))?;
                entity.set_version(next)?;
            }
            entity.clear_transient();
            if E::CREATED_AT_COLUMN.is_some() {
                self.keep_created(&mut entity).await?;
            }
            Ok(entity)
        })
    }

    /// Why an `UPDATE` changed no row: `NotFound`, or, for a versioned entity whose row is
    /// still there, `VersionConflict` with the version stored now.
    async fn missed_update(&self, entity: &E) -> RepoError {
        let Some(column) = E::VERSION_COLUMN else {
            return RepoError::not_found(E::NAME, entity.id());
        };
        let mut args = DB::Arguments::default();
        if let Err(err) = entity.bind_id(&mut args) {
            return err;
        }
        let sql = E::statements(DB::DIALECT).select_by_id;
        match DB::fetch_optional::<E>(&self.exec, Cow::Borrowed(sql), args).await {
            Ok(None) => RepoError::not_found(E::NAME, entity.id()),
            Ok(Some(row)) => match E::decode_row(&row) {
                Ok(current) => RepoError::version_conflict::<E>(
                    column,
                    entity.id(),
                    entity.version(),
                    Some(current.version()),
                ),
                Err(err) => err,
            },
            Err(err) => err,
        }
    }

    /// `delete_by_id`: whether a row was removed.
    #[doc(hidden)]
    pub fn delete_row<'a, Q>(
        &'a self,
        id: impl Borrow<Q> + Send + 'a,
    ) -> RepoFuture<'a, Result<bool, RepoError>>
    where
        Q: SqlBind<DB> + Sync + ?Sized + 'a,
    {
        RepoFuture::boxed(async move {
            let id = id.borrow();
            if !id.can_match() {
                return Ok(false);
            }
            let sql = E::statements(DB::DIALECT).delete_by_id;
            if E::SOFT_DELETE_COLUMN.is_some() {
                // Marks a live row: `UPDATE ... SET <soft_delete> = ? WHERE <id> = ? AND ... IS NULL`.
                let now = crate::repository::now_unix_micros();
                let bind = |args: &mut DB::Arguments| {
                    E::bind_deleted_at(now, args)?;
                    id.bind(args)
                };
                return Ok(DB::execute::<E>(&self.exec, Cow::Borrowed(sql), &bind).await? > 0);
            }
            let bind = |args: &mut DB::Arguments| id.bind(args);
            Ok(DB::execute::<E>(&self.exec, Cow::Borrowed(sql), &bind).await? > 0)
        })
    }
}

/// The most ids `find_by_ids` binds in one statement: below every backend's limit on bound
/// parameters (SQLite's is 999 in builds before 3.32, 32 766 after; PostgreSQL's and MySQL's
/// 65 535), so a longer list runs in several statements.
pub(crate) const IDS_PER_QUERY: usize = 999;

/// `SELECT <columns> FROM <table> WHERE <id> IN (<n placeholders>)`: the compile-time prefix, the
/// quoted id column and placeholders only.
/// With a `live` condition (`#[repo(soft_delete)]`), `AND <live>` follows.
fn in_list_sql<E: Entity>(
    dialect: Dialect,
    prefix: &'static str,
    n: usize,
    live: Option<&'static str>,
) -> Sql {
    let mut sql = String::with_capacity(prefix.len() + 24 + 6 * n);
    sql.push_str(prefix);
    sql.push_str(" WHERE ");
    dialect.write_quoted(&mut sql, E::COLUMNS[E::ID_COLUMN].name);
    sql.push_str(" IN (");
    for i in 1..=n {
        if i > 1 {
            sql.push_str(", ");
        }
        dialect.write_placeholder(&mut sql, i);
    }
    sql.push(')');
    if let Some(live) = live {
        sql.push_str(" AND ");
        sql.push_str(live);
    }
    Cow::Owned(sql)
}

fn finder<DB: SqlBackend, E: Entity>(
    column: usize,
) -> Result<&'static crate::repository::Finder, RepoError> {
    E::statements(DB::DIALECT)
        .finder(column)
        .ok_or_else(|| RepoError::backend(format!("{} has no finder for column {column}", E::NAME)))
}

/// The `SELECT` of one page: the compile-time statement when it is ordered by id, otherwise
/// the compile-time prefix, an `ORDER BY` of whitelisted, quoted identifiers and the
/// `LIMIT`/`OFFSET` placeholders. `filter` (the `live` condition of a prefix without a `WHERE`)
/// follows the prefix as `WHERE <filter>`.
pub(super) fn page_sql<E: Entity>(
    dialect: Dialect,
    by_id: &'static str,
    prefix: &'static str,
    filter: Option<&'static str>,
    plan: &PagePlan,
    params_before: usize,
) -> Sql {
    if plan.column.is_none() && !plan.descending {
        return Cow::Borrowed(by_id);
    }
    let direction = if plan.descending { " DESC" } else { " ASC" };
    let nulls = match (dialect, plan.descending) {
        // Rust orders `None` first; SQLite and MySQL already put NULL first.
        (Dialect::Postgres, false) => " NULLS FIRST",
        (Dialect::Postgres, true) => " NULLS LAST",
        _ => "",
    };
    let mut sql = String::with_capacity(prefix.len() + 80);
    sql.push_str(prefix);
    if let Some(filter) = filter {
        sql.push_str(" WHERE ");
        sql.push_str(filter);
    }
    sql.push_str(" ORDER BY ");
    if let Some(column) = plan.column {
        dialect.write_quoted(&mut sql, E::COLUMNS[column].name);
        sql.push_str(direction);
        sql.push_str(nulls);
        sql.push_str(", ");
    }
    dialect.write_quoted(&mut sql, E::COLUMNS[E::ID_COLUMN].name);
    sql.push_str(direction);
    sql.push_str(" LIMIT ");
    dialect.write_placeholder(&mut sql, params_before + 1);
    sql.push_str(" OFFSET ");
    dialect.write_placeholder(&mut sql, params_before + 2);
    Cow::Owned(sql)
}
