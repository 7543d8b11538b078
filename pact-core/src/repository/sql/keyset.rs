//! Keyset pages of a [`SqlRepository`]: the statement is assembled at run time from the
//! compile-time `SELECT` prefix, whitelisted quoted identifiers and placeholders; the cursor's
//! values are bound parameters.

use super::{SqlBackend, SqlEntity, SqlRepository, SqlRow};
use crate::repository::cursor::{KeysetPlan, keyset_plan};
use crate::repository::{
    CursorPage, CursorRequest, Dialect, Entity, Keyset, RepoError, RepoFuture,
};

/// Binding of a [`Keyset`] entity's cursor values for one backend: implemented once, for every
/// [`Keyset`] entity that is a [`SqlEntity`] of the backend, through [`Keyset::read_key`] and
/// the entity's [`SqlRow`].
///
/// ```
/// # #[cfg(feature = "sqlite")] {
/// use pact_core::repository::{SqlKeyset, SqlRepository};
///
/// // Keyset pages on SQLite need `E: SqlKeyset<sqlx::Sqlite>`, which the derive provides:
/// fn pages<E: SqlKeyset<sqlx::Sqlite>>(repo: &SqlRepository<sqlx::Sqlite, E>) {}
/// # }
/// ```
pub trait SqlKeyset<DB: SqlBackend>: SqlEntity<DB> + Keyset {
    /// Reads a value of `column` from the front of `key` (as [`Keyset::check_key`] checked it
    /// reads) and binds it as the column's type.
    ///
    /// # Errors
    /// [`RepoError::InvalidCursor`] when the bytes are not a value of the column,
    /// [`RepoError::Backend`] when it does not encode.
    fn bind_key(column: usize, key: &mut &[u8], args: &mut DB::Arguments) -> Result<(), RepoError>;
}

impl<DB, E> SqlKeyset<DB> for E
where
    DB: SqlBackend,
    E: SqlEntity<DB> + Keyset,
    E::Row: SqlRow<DB>,
{
    fn bind_key(column: usize, key: &mut &[u8], args: &mut DB::Arguments) -> Result<(), RepoError> {
        E::read_key(column, key, &mut |value, _| {
            <E::Row as SqlRow<DB>>::bind(column, value, args, false).map(drop)
        })
    }
}

impl<DB: SqlBackend, E: SqlKeyset<DB>> SqlRepository<DB, E> {
    /// `find_all_by_cursor`: one statement, `LIMIT` one row past the page to tell whether a
    /// page follows.
    #[doc(hidden)]
    pub fn find_cursor_page(
        &self,
        request: CursorRequest,
    ) -> RepoFuture<'_, Result<CursorPage<E>, RepoError>> {
        RepoFuture::boxed(async move {
            let plan = keyset_plan::<E>(&request)?;
            let statements = E::statements(DB::DIALECT);
            let mut query = KeysetQuery::<DB>::new(statements.select_all);
            if plan.after.is_some() {
                query.and();
                query.position::<E>(&plan)?;
            }
            // A soft-deleting entity's pages hold live rows only.
            if let Some(live) = statements.live {
                query.and();
                query.sql.push_str(live);
            }
            query.order::<E>(&plan);
            let limit = i64::try_from(plan.fetch()).unwrap_or(i64::MAX);
            query.limit(limit)?;
            let rows = DB::fetch_all::<E>(&self.exec, query.sql.into(), query.args).await?;
            let rows = rows
                .iter()
                .map(E::decode_row)
                .collect::<Result<Vec<_>, _>>()?;
            plan.finish(rows)
        })
    }
}

/// A keyset `SELECT` under construction: its text and its bound parameters, kept in step.
struct KeysetQuery<DB: SqlBackend> {
    sql: String,
    args: DB::Arguments,
    params: usize,
    conditions: usize,
}

impl<DB: SqlBackend> KeysetQuery<DB> {
    fn new(prefix: &'static str) -> Self {
        let mut sql = String::with_capacity(prefix.len() + 160);
        sql.push_str(prefix);
        Self {
            sql,
            args: DB::Arguments::default(),
            params: 0,
            conditions: 0,
        }
    }

    /// Starts the next condition: ` WHERE ` for the first, ` AND ` after.
    fn and(&mut self) {
        self.sql.push_str(if self.conditions == 0 {
            " WHERE "
        } else {
            " AND "
        });
        self.conditions += 1;
    }

    fn column(&mut self, index: usize, columns: &[crate::repository::Column]) {
        DB::DIALECT.write_quoted(&mut self.sql, columns[index].name);
    }

    fn placeholder(&mut self) {
        self.params += 1;
        DB::DIALECT.write_placeholder(&mut self.sql, self.params);
    }

    /// `<column> <op> ?`, binding the cursor value `key` as the column's type.
    fn compare<E: SqlKeyset<DB>>(
        &mut self,
        column: usize,
        op: &str,
        key: &[u8],
    ) -> Result<(), RepoError> {
        self.column(column, E::COLUMNS);
        self.sql.push_str(op);
        self.placeholder();
        E::bind_key(column, &mut { key }, &mut self.args)
    }

    fn is_null<E: Entity>(&mut self, column: usize, null: bool) {
        self.column(column, E::COLUMNS);
        self.sql
            .push_str(if null { " IS NULL" } else { " IS NOT NULL" });
    }

    /// The rows after the position, written without row values (`(a, b) > (?, ?)` is not
    /// portable, and `NULL` needs its own case): ascending, `NULL` first,
    ///
    /// - by id: `id > ?`;
    /// - by a value: `(col > ? OR (col = ? AND id > ?))`;
    /// - by `NULL`: `(col IS NOT NULL OR id > ?)`;
    ///
    /// and descending, `NULL` last, `(col < ? OR (col = ? AND id < ?) OR col IS NULL)` (the
    /// last term for a nullable column) and `(col IS NULL AND id < ?)`.
    fn position<E: SqlKeyset<DB>>(&mut self, plan: &KeysetPlan) -> Result<(), RepoError> {
        let Some(after) = &plan.after else {
            return Ok(());
        };
        let past = if plan.descending { " < " } else { " > " };
        let id = E::ID_COLUMN;
        let Some(column) = plan.column else {
            return self.compare::<E>(id, past, after.id());
        };
        let nullable = E::COLUMNS[column].nullable;
        self.sql.push('(');
        match (after.null, plan.descending) {
            (true, false) => {
                self.is_null::<E>(column, false);
                self.sql.push_str(" OR ");
                self.compare::<E>(id, past, after.id())?;
            }
            (true, true) => {
                self.is_null::<E>(column, true);
                self.sql.push_str(" AND ");
                self.compare::<E>(id, past, after.id())?;
            }
            (false, descending) => {
                self.compare::<E>(column, past, after.sort_value())?;
                self.sql.push_str(" OR (");
                self.compare::<E>(column, " = ", after.sort_value())?;
                self.sql.push_str(" AND ");
                self.compare::<E>(id, past, after.id())?;
                self.sql.push(')');
                if descending && nullable {
                    self.sql.push_str(" OR ");
                    self.is_null::<E>(column, true);
                }
            }
        }
        self.sql.push(')');
        Ok(())
    }

    /// `ORDER BY [col <dir> [NULLS ...],] id <dir>`, `NULL` first ascending on every backend.
    fn order<E: Entity>(&mut self, plan: &KeysetPlan) {
        let direction = if plan.descending { " DESC" } else { " ASC" };
        self.sql.push_str(" ORDER BY ");
        if let Some(column) = plan.column {
            self.column(column, E::COLUMNS);
            self.sql.push_str(direction);
            if DB::DIALECT == Dialect::Postgres && E::COLUMNS[column].nullable {
                self.sql.push_str(if plan.descending {
                    " NULLS LAST"
                } else {
                    " NULLS FIRST"
                });
            }
            self.sql.push_str(", ");
        }
        self.column(E::ID_COLUMN, E::COLUMNS);
        self.sql.push_str(direction);
    }

    fn limit(&mut self, limit: i64) -> Result<(), RepoError> {
        self.sql.push_str(" LIMIT ");
        self.placeholder();
        DB::bind_i64(&mut self.args, limit)
    }
}
