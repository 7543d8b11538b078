//! `Backend<E>` for [`Cached<E>`], written once for every entity: reads by id and by unique
//! value are cache-aside, pages and counts are cached only when [`Cache::cache_lists`] says
//! so, writes invalidate what they touch, and the rest passes through to the backing
//! repository.
//!
//! [`Cache::cache_lists`]: super::Cache::cache_lists

// Every method names its `'a`, as the generated traits' methods do.
#![allow(clippy::elidable_lifetime_names)]

use std::borrow::Borrow;

use serde::Serialize;

use super::{CacheEntity, Cached, key_part};
use crate::repository::{
    Backend, CursorPage, CursorRequest, Page, PageRequest, RepoError, RepoFuture, SoftDeletable,
};

impl<E> Backend<E> for Cached<E>
where
    E: CacheEntity,
    E::IdBound: Serialize,
{
    /// A hit answers with a ready future: no allocation but the entity's clone.
    fn find_by_id<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<Option<E>, RepoError>> {
        let key = self.keys.id_of(id.borrow());
        if let Some(entity) = self.hit_now(key.as_str()) {
            return RepoFuture::ready(Ok(Some(entity)));
        }
        RepoFuture::boxed(self.cache_find(key, move || self.inner().find_by_id(id)))
    }

    fn get_by_id<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<E, RepoError>> {
        let key = self.keys.id_of(id.borrow());
        if let Some(entity) = self.hit_now(key.as_str()) {
            return RepoFuture::ready(Ok(entity));
        }
        RepoFuture::boxed(self.cache_get(key, move || self.inner().get_by_id(id)))
    }

    /// Batches read what a cache keyed by id cannot answer whole: the backing repository.
    fn find_by_ids<'a>(&'a self, ids: &'a [E::Id]) -> RepoFuture<'a, Result<Vec<E>, RepoError>> {
        self.inner().find_by_ids(ids)
    }

    fn find_all<'a>(&'a self, page: PageRequest) -> RepoFuture<'a, Result<Page<E>, RepoError>> {
        RepoFuture::boxed(self.cache_list(
            "find_all",
            page,
            |page| key_part(&(page,)),
            move |page| self.inner().find_all(page),
        ))
    }

    /// Keyset pages are not cached: the backing repository.
    fn find_all_by_cursor<'a>(
        &'a self,
        cursor: CursorRequest,
    ) -> RepoFuture<'a, Result<CursorPage<E>, RepoError>> {
        self.inner().find_all_by_cursor(cursor)
    }

    fn load_unique<'a>(
        &'a self,
        value: E::Value<'a>,
    ) -> RepoFuture<'a, Result<Option<E>, RepoError>> {
        RepoFuture::boxed(async move {
            let (field, part) = E::value_key(&value);
            self.cache_unique(field, part, move || self.inner().load_unique(value))
                .await
        })
    }

    fn list_by<'a>(
        &'a self,
        value: E::Value<'a>,
        page: PageRequest,
    ) -> RepoFuture<'a, Result<Page<E>, RepoError>> {
        RepoFuture::boxed(self.cache_list(
            "find_all_by",
            (value, page),
            |(value, page)| {
                let (field, part) = E::value_key(value);
                format!("{field}|{part}|{}", key_part(&(page,)))
            },
            move |(value, page)| self.inner().list_by(value, page),
        ))
    }

    fn count<'a>(&'a self) -> RepoFuture<'a, Result<u64, RepoError>> {
        RepoFuture::boxed(self.cache_list(
            "count",
            (),
            |()| key_part(&()),
            move |()| self.inner().count(),
        ))
    }

    fn exists<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<bool, RepoError>> {
        let key = self.keys.id_of(id.borrow());
        if self.hit_now(key.as_str()).is_some() {
            return RepoFuture::ready(Ok(true));
        }
        RepoFuture::boxed(self.cache_exists(key, move || self.inner().exists(id)))
    }

    fn insert<'a>(&'a self, entity: E) -> RepoFuture<'a, Result<E, RepoError>> {
        let mut keys = Vec::new();
        self.cache_entity_keys(&entity, &mut keys);
        RepoFuture::boxed(self.cache_write(keys, self.inner().insert(entity)))
    }

    fn insert_many<'a>(&'a self, entities: Vec<E>) -> RepoFuture<'a, Result<Vec<E>, RepoError>> {
        let mut keys = Vec::new();
        self.cache_entities_keys(&entities, &mut keys);
        RepoFuture::boxed(self.cache_write(keys, self.inner().insert_many(entities)))
    }

    fn update<'a>(&'a self, entity: E) -> RepoFuture<'a, Result<E, RepoError>> {
        let mut keys = Vec::new();
        self.cache_entity_keys(&entity, &mut keys);
        RepoFuture::boxed(self.cache_write(keys, self.inner().update(entity)))
    }

    fn delete_by_id<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<bool, RepoError>> {
        let mut keys = Vec::new();
        self.cache_id_keys(id.borrow(), &mut keys);
        RepoFuture::boxed(self.cache_write(keys, self.inner().delete_by_id(id)))
    }

    fn merge<'a>(&'a self, column: usize, entity: E) -> RepoFuture<'a, Result<E, RepoError>> {
        let mut keys = Vec::new();
        self.cache_entity_keys(&entity, &mut keys);
        RepoFuture::boxed(self.cache_write(keys, self.inner().merge(column, entity)))
    }

    fn restore_by_id<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<bool, RepoError>>
    where
        E: SoftDeletable,
    {
        let mut keys = Vec::new();
        self.cache_id_keys(id.borrow(), &mut keys);
        RepoFuture::boxed(self.cache_write(keys, self.inner().restore_by_id(id)))
    }

    /// Soft-deleted rows are not cached: the backing repository.
    fn find_by_id_with_deleted<'a>(
        &'a self,
        id: E::IdArg<'a>,
    ) -> RepoFuture<'a, Result<Option<E>, RepoError>>
    where
        E: SoftDeletable,
    {
        self.inner().find_by_id_with_deleted(id)
    }

    /// Soft-deleted rows are not cached: the backing repository.
    fn find_all_with_deleted<'a>(
        &'a self,
        page: PageRequest,
    ) -> RepoFuture<'a, Result<Page<E>, RepoError>>
    where
        E: SoftDeletable,
    {
        self.inner().find_all_with_deleted(page)
    }

    fn purge_by_id<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<bool, RepoError>>
    where
        E: SoftDeletable,
    {
        let mut keys = Vec::new();
        self.cache_id_keys(id.borrow(), &mut keys);
        RepoFuture::boxed(self.cache_write(keys, self.inner().purge_by_id(id)))
    }
}
