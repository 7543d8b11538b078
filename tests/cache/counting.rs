//! A hand-written repository of `User` that counts the reads that reach it (and may take its
//! time over each), over a memory repository: what the cache saves is what it counts. It
//! implements `Backend<User>`, and the derive's blanket impl makes it a `UserRepository`.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use pact::repository::{Backend, FinderValue, RepoFuture};
use pact::{CursorPage, CursorRequest, MemoryRepository, Page, PageRequest, RepoError};

use crate::model::User;

pub struct Counting {
    inner: MemoryRepository<User>,
    reads: AtomicUsize,
    delay: Duration,
}

impl Counting {
    /// A counting repository whose reads take `delay` each.
    pub fn new(delay: Duration) -> Arc<Self> {
        Arc::new(Self {
            inner: MemoryRepository::new(),
            reads: AtomicUsize::new(0),
            delay,
        })
    }

    /// The reads that reached this repository so far.
    pub fn reads(&self) -> usize {
        self.reads.load(Ordering::SeqCst)
    }

    /// The repository itself, whose writes the cache does not see (a write by someone else).
    pub fn behind_the_cache(&self) -> &MemoryRepository<User> {
        &self.inner
    }

    fn read<'a, T: Send + 'a>(&'a self, call: RepoFuture<'a, T>) -> RepoFuture<'a, T> {
        RepoFuture::boxed(async move {
            self.reads.fetch_add(1, Ordering::SeqCst);
            if !self.delay.is_zero() {
                tokio::time::sleep(self.delay).await;
            }
            call.await
        })
    }
}

type Answer<'a, T> = RepoFuture<'a, Result<T, RepoError>>;

// Reads count; writes go straight through.
#[allow(clippy::elidable_lifetime_names)]
impl Backend<User> for Counting {
    fn find_by_id<'a>(&'a self, id: i64) -> Answer<'a, Option<User>> {
        self.read(self.inner.find_by_id(id))
    }

    fn get_by_id<'a>(&'a self, id: i64) -> Answer<'a, User> {
        self.read(self.inner.get_by_id(id))
    }

    fn find_by_ids<'a>(&'a self, ids: &'a [i64]) -> Answer<'a, Vec<User>> {
        self.read(self.inner.find_by_ids(ids))
    }

    fn find_all<'a>(&'a self, page: PageRequest) -> Answer<'a, Page<User>> {
        self.read(self.inner.find_all(page))
    }

    fn find_all_by_cursor<'a>(&'a self, cursor: CursorRequest) -> Answer<'a, CursorPage<User>> {
        self.read(self.inner.find_all_by_cursor(cursor))
    }

    fn load_unique<'a>(&'a self, value: FinderValue<'a, User>) -> Answer<'a, Option<User>> {
        self.read(self.inner.load_unique(value))
    }

    fn list_by<'a>(
        &'a self,
        value: FinderValue<'a, User>,
        page: PageRequest,
    ) -> Answer<'a, Page<User>> {
        self.read(self.inner.list_by(value, page))
    }

    fn count<'a>(&'a self) -> Answer<'a, u64> {
        self.read(self.inner.count())
    }

    fn exists<'a>(&'a self, id: i64) -> Answer<'a, bool> {
        self.read(self.inner.exists(id))
    }

    fn insert<'a>(&'a self, entity: User) -> Answer<'a, User> {
        self.inner.insert(entity)
    }

    fn insert_many<'a>(&'a self, entities: Vec<User>) -> Answer<'a, Vec<User>> {
        self.inner.insert_many(entities)
    }

    fn update<'a>(&'a self, entity: User) -> Answer<'a, User> {
        self.inner.update(entity)
    }

    fn delete_by_id<'a>(&'a self, id: i64) -> Answer<'a, bool> {
        self.inner.delete_by_id(id)
    }

    fn merge<'a>(&'a self, column: usize, entity: User) -> Answer<'a, User> {
        self.inner.merge(column, entity)
    }
}
