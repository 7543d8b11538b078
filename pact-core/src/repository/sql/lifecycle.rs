//! The calls of [`SqlRepository`] that `#[repo(created_at)]` and `#[repo(soft_delete)]` add:
//! keeping the stored `created_at` across an update, and the reads, restore and purge that see
//! deleted rows.

use std::borrow::{Borrow, Cow};

use super::{SqlBackend, SqlBind, SqlEntity, SqlRepository};
use crate::repository::{Page, PageRequest, RepoError, RepoFuture, SoftDelete, page_plan};

impl<DB: SqlBackend, E: SqlEntity<DB>> SqlRepository<DB, E> {
    /// Copies the stored `created_at` into `entity` after an update (which does not `SET` it):
    /// one read by id on the same executor. `created_at` never changes, so a write between
    /// the two statements cannot make it wrong.
    pub(super) async fn keep_created(&self, entity: &mut E) -> Result<(), RepoError> {
        let mut args = DB::Arguments::default();
        entity.bind_id(&mut args)?;
        let sql = E::statements(DB::DIALECT).select_by_id;
        if let Some(row) = DB::fetch_optional::<E>(&self.exec, Cow::Borrowed(sql), args).await? {
            entity.keep_created(&E::decode_row(&row)?);
        }
        Ok(())
    }

    /// `restore_by_id`: whether a deleted row was restored.
    #[doc(hidden)]
    pub fn restore_row<'a, Q>(
        &'a self,
        id: impl Borrow<Q> + Send + 'a,
    ) -> RepoFuture<'a, Result<bool, RepoError>>
    where
        Q: SqlBind<DB> + Sync + ?Sized + 'a,
    {
        RepoFuture::boxed(self.change_by_id(|statements| statements.restore, id))
    }

    /// `purge_by_id`: whether a row, deleted or not, was removed.
    #[doc(hidden)]
    pub fn purge_row<'a, Q>(
        &'a self,
        id: impl Borrow<Q> + Send + 'a,
    ) -> RepoFuture<'a, Result<bool, RepoError>>
    where
        Q: SqlBind<DB> + Sync + ?Sized + 'a,
    {
        RepoFuture::boxed(self.change_by_id(|statements| statements.purge, id))
    }

    /// Runs one of the soft-delete statements on the row with this id: whether it changed one.
    async fn change_by_id<Q>(
        &self,
        statement: fn(&SoftDelete) -> &'static str,
        id: impl Borrow<Q>,
    ) -> Result<bool, RepoError>
    where
        Q: SqlBind<DB> + Sync + ?Sized,
    {
        let id = id.borrow();
        let sql = statement(soft_delete::<DB, E>()?);
        if !id.can_match() {
            return Ok(false);
        }
        let bind = |args: &mut DB::Arguments| id.bind(args);
        Ok(DB::execute::<E>(&self.exec, Cow::Borrowed(sql), &bind).await? > 0)
    }

    /// `find_by_id_with_deleted`.
    #[doc(hidden)]
    pub fn find_row_with_deleted<'a, Q>(
        &'a self,
        id: impl Borrow<Q> + Send + 'a,
    ) -> RepoFuture<'a, Result<Option<E>, RepoError>>
    where
        Q: SqlBind<DB> + Sync + ?Sized + 'a,
    {
        RepoFuture::boxed(async move {
            let id = id.borrow();
            let statements = soft_delete::<DB, E>()?;
            if !id.can_match() {
                return Ok(None);
            }
            let mut args = DB::Arguments::default();
            id.bind(&mut args)?;
            let row =
                DB::fetch_optional::<E>(&self.exec, Cow::Borrowed(statements.select_by_id), args)
                    .await?;
            row.as_ref().map(E::decode_row).transpose()
        })
    }

    /// `find_all_with_deleted`: pages of every row, sorted and counted as `find_all`.
    #[doc(hidden)]
    pub fn find_page_with_deleted(
        &self,
        request: PageRequest,
    ) -> RepoFuture<'_, Result<Page<E>, RepoError>> {
        RepoFuture::boxed(async move {
            let request = &request;
            let statements = soft_delete::<DB, E>()?;
            let plan = page_plan::<E>(request)?;
            let total = DB::fetch_count::<E>(
                &self.exec,
                Cow::Borrowed(statements.count),
                DB::Arguments::default(),
            )
            .await?;
            let sql = super::query::page_sql::<E>(
                DB::DIALECT,
                statements.select_page,
                E::statements(DB::DIALECT).select_all,
                None,
                &plan,
                0,
            );
            self.fetch_page(sql, DB::Arguments::default(), request, &plan, total)
                .await
        })
    }
}

fn soft_delete<DB: SqlBackend, E: SqlEntity<DB>>() -> Result<&'static SoftDelete, RepoError> {
    E::statements(DB::DIALECT).soft_delete.ok_or_else(|| {
        RepoError::backend(format!("{} has no `#[repo(soft_delete)]` field", E::NAME))
    })
}
