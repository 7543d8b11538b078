//! `Backend<E>` for [`MemoryRepository<E>`]: every call is synchronous, under the table's lock,
//! and answers with a finished future.

// Every method names its `'a`, as the generated traits' methods do.
#![allow(clippy::elidable_lifetime_names)]

use std::borrow::Borrow;
use std::hash::Hash;

use super::MemoryRepository;
use crate::repository::{
    Backend, CursorPage, CursorRequest, Keyset, Page, PageRequest, RepoError, RepoFuture,
    SoftDeletable,
};

impl<E: Keyset> Backend<E> for MemoryRepository<E>
where
    E::Id: Borrow<E::IdBound>,
    E::IdBound: Hash + Eq,
{
    fn find_by_id<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<Option<E>, RepoError>> {
        RepoFuture::ready(Ok(self.find_row(id.borrow())))
    }

    fn get_by_id<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<E, RepoError>> {
        RepoFuture::ready(self.get_row(id.borrow()))
    }

    fn find_by_ids<'a>(&'a self, ids: &'a [E::Id]) -> RepoFuture<'a, Result<Vec<E>, RepoError>> {
        RepoFuture::ready(Ok(self.find_rows(ids)))
    }

    fn find_all<'a>(&'a self, page: PageRequest) -> RepoFuture<'a, Result<Page<E>, RepoError>> {
        RepoFuture::ready(self.find_page(&page, |_| true))
    }

    fn find_all_by_cursor<'a>(
        &'a self,
        cursor: CursorRequest,
    ) -> RepoFuture<'a, Result<CursorPage<E>, RepoError>> {
        RepoFuture::ready(self.find_cursor_page(&cursor))
    }

    fn load_unique<'a>(
        &'a self,
        value: E::Value<'a>,
    ) -> RepoFuture<'a, Result<Option<E>, RepoError>> {
        let hash = E::value_hash(&value, self.hasher());
        let found = self.find_unique(E::value_column(&value), hash, |row| {
            row.value_matches(&value)
        });
        RepoFuture::ready(Ok(found))
    }

    fn list_by<'a>(
        &'a self,
        value: E::Value<'a>,
        page: PageRequest,
    ) -> RepoFuture<'a, Result<Page<E>, RepoError>> {
        RepoFuture::ready(self.find_page(&page, |row| row.value_matches(&value)))
    }

    fn count<'a>(&'a self) -> RepoFuture<'a, Result<u64, RepoError>> {
        RepoFuture::ready(Ok(self.count_rows()))
    }

    fn exists<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<bool, RepoError>> {
        RepoFuture::ready(Ok(self.contains(id.borrow())))
    }

    fn insert<'a>(&'a self, entity: E) -> RepoFuture<'a, Result<E, RepoError>> {
        RepoFuture::ready(self.insert_row(entity))
    }

    fn insert_many<'a>(&'a self, entities: Vec<E>) -> RepoFuture<'a, Result<Vec<E>, RepoError>> {
        RepoFuture::ready(self.insert_rows(entities))
    }

    fn update<'a>(&'a self, entity: E) -> RepoFuture<'a, Result<E, RepoError>> {
        RepoFuture::ready(self.update_row(entity))
    }

    fn delete_by_id<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<bool, RepoError>> {
        RepoFuture::ready(self.delete_row(id.borrow()))
    }

    fn merge<'a>(&'a self, column: usize, entity: E) -> RepoFuture<'a, Result<E, RepoError>> {
        RepoFuture::ready(self.upsert_row(column, entity))
    }

    fn restore_by_id<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<bool, RepoError>>
    where
        E: SoftDeletable,
    {
        RepoFuture::ready(self.restore_row(id.borrow()))
    }

    fn find_by_id_with_deleted<'a>(
        &'a self,
        id: E::IdArg<'a>,
    ) -> RepoFuture<'a, Result<Option<E>, RepoError>>
    where
        E: SoftDeletable,
    {
        RepoFuture::ready(Ok(self.find_row_with_deleted(id.borrow())))
    }

    fn find_all_with_deleted<'a>(
        &'a self,
        page: PageRequest,
    ) -> RepoFuture<'a, Result<Page<E>, RepoError>>
    where
        E: SoftDeletable,
    {
        RepoFuture::ready(self.find_page_with_deleted(&page))
    }

    fn purge_by_id<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<bool, RepoError>>
    where
        E: SoftDeletable,
    {
        RepoFuture::ready(Ok(self.purge_row(id.borrow())))
    }
}
