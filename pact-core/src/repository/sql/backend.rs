//! `Backend<E>` for [`SqlRepository<DB, E>`]: each operation is one of the runtime's sqlx
//! calls, whose futures are boxed where they are written.

// Every method names its `'a`, as the generated traits' methods do.
#![allow(clippy::elidable_lifetime_names)]

use std::borrow::Borrow;

use super::{SqlBackend, SqlBind, SqlEntity, SqlKeyset, SqlRepository};
use crate::repository::{
    Backend, CursorPage, CursorRequest, Page, PageRequest, RepoError, RepoFuture, SoftDeletable,
};

impl<DB, E> Backend<E> for SqlRepository<DB, E>
where
    DB: SqlBackend,
    E: SqlEntity<DB> + SqlKeyset<DB>,
    E::Id: Borrow<E::IdBound>,
    E::IdBound: SqlBind<DB>,
{
    fn find_by_id<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<Option<E>, RepoError>> {
        self.find_row::<E::IdBound>(id)
    }

    fn get_by_id<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<E, RepoError>> {
        self.get_row::<E::IdBound>(id)
    }

    fn find_by_ids<'a>(&'a self, ids: &'a [E::Id]) -> RepoFuture<'a, Result<Vec<E>, RepoError>> {
        self.find_rows(ids, |id: &E::Id| -> &E::IdBound { id.borrow() })
    }

    fn find_all<'a>(&'a self, page: PageRequest) -> RepoFuture<'a, Result<Page<E>, RepoError>> {
        self.find_page(page)
    }

    fn find_all_by_cursor<'a>(
        &'a self,
        cursor: CursorRequest,
    ) -> RepoFuture<'a, Result<CursorPage<E>, RepoError>> {
        self.find_cursor_page(cursor)
    }

    fn load_unique<'a>(
        &'a self,
        value: E::Value<'a>,
    ) -> RepoFuture<'a, Result<Option<E>, RepoError>> {
        SqlRepository::find_unique(self, value)
    }

    fn list_by<'a>(
        &'a self,
        value: E::Value<'a>,
        page: PageRequest,
    ) -> RepoFuture<'a, Result<Page<E>, RepoError>> {
        self.find_page_by(value, page)
    }

    fn count<'a>(&'a self) -> RepoFuture<'a, Result<u64, RepoError>> {
        self.count_rows()
    }

    fn exists<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<bool, RepoError>> {
        self.contains::<E::IdBound>(id)
    }

    fn insert<'a>(&'a self, entity: E) -> RepoFuture<'a, Result<E, RepoError>> {
        self.insert_row(entity)
    }

    fn insert_many<'a>(&'a self, entities: Vec<E>) -> RepoFuture<'a, Result<Vec<E>, RepoError>> {
        self.insert_rows(entities)
    }

    fn update<'a>(&'a self, entity: E) -> RepoFuture<'a, Result<E, RepoError>> {
        self.update_row(entity)
    }

    fn delete_by_id<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<bool, RepoError>> {
        self.delete_row::<E::IdBound>(id)
    }

    fn merge<'a>(&'a self, column: usize, entity: E) -> RepoFuture<'a, Result<E, RepoError>> {
        self.upsert_row(column, entity)
    }

    fn restore_by_id<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<bool, RepoError>>
    where
        E: SoftDeletable,
    {
        self.restore_row::<E::IdBound>(id)
    }

    fn find_by_id_with_deleted<'a>(
        &'a self,
        id: E::IdArg<'a>,
    ) -> RepoFuture<'a, Result<Option<E>, RepoError>>
    where
        E: SoftDeletable,
    {
        self.find_row_with_deleted::<E::IdBound>(id)
    }

    fn find_all_with_deleted<'a>(
        &'a self,
        page: PageRequest,
    ) -> RepoFuture<'a, Result<Page<E>, RepoError>>
    where
        E: SoftDeletable,
    {
        self.find_page_with_deleted(page)
    }

    fn purge_by_id<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<bool, RepoError>>
    where
        E: SoftDeletable,
    {
        self.purge_row::<E::IdBound>(id)
    }
}
