//! `upsert` and `upsert_by_<field>` of [`SqlRepository`]: one `INSERT ... ON CONFLICT DO
//! UPDATE` (SQLite, PostgreSQL) or `INSERT ... ON DUPLICATE KEY UPDATE` (MySQL) per call.

use std::borrow::Cow;

use super::{SqlBackend, SqlEntity, SqlRepository};
use crate::repository::{RepoError, RepoFuture, Stamp, now_unix_micros};

impl<DB: SqlBackend, E: SqlEntity<DB>> SqlRepository<DB, E> {
    /// `upsert` (`column` is the id's) and `upsert_by_<field>`: inserts the entity, or, when a
    /// row holds its value of `column`, updates that row (keeping its id and `created_at`,
    /// adding 1 to its version, clearing a soft-delete mark), and returns the stored row.
    #[doc(hidden)]
    pub fn upsert_row(&self, column: usize, mut entity: E) -> RepoFuture<'_, Result<E, RepoError>> {
        RepoFuture::boxed(async move {
            let upsert = E::statements(DB::DIALECT).upsert(column).ok_or_else(|| {
                RepoError::backend(format!("{} has no upsert on column {column}", E::NAME))
            })?;
            // The insert path's values; the update path keeps what the statement does not set.
            entity.stamp(Stamp::Insert, now_unix_micros())?;
            if E::VERSION_COLUMN.is_some() {
                entity.set_version(1)?;
            }
            entity.check_values()?;
            DB::check_size(&self.exec, std::slice::from_ref(&entity)).await?;
            let sql = Cow::Borrowed(upsert.sql);
            if upsert.returning {
                let mut args = DB::Arguments::default();
                entity.bind_insert(&mut args)?;
                let row = DB::fetch_optional::<E>(&self.exec, sql, args)
                    .await?
                    .ok_or_else(|| RepoError::backend("the upsert returned no row"))?;
                return E::decode_row(&row);
            }
            let bind = |args: &mut DB::Arguments| entity.bind_insert(args);
            DB::execute::<E>(&self.exec, sql, &bind).await?;
            // MySQL: the row is read back by the value that named it, on the same executor.
            let mut args = DB::Arguments::default();
            let read = if column == E::ID_COLUMN {
                entity.bind_id(&mut args)?;
                E::statements(DB::DIALECT).select_by_id
            } else {
                entity.bind_unique(column, &mut args)?;
                E::statements(DB::DIALECT)
                    .finder(column)
                    .ok_or_else(|| {
                        RepoError::backend(format!("{} has no finder for column {column}", E::NAME))
                    })?
                    .select
            };
            let row = DB::fetch_optional::<E>(&self.exec, Cow::Borrowed(read), args)
                .await?
                .ok_or_else(|| RepoError::not_found(E::NAME, entity.id()))?;
            E::decode_row(&row)
        })
    }
}
