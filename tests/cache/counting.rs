//! A hand-written `UserRepository` that counts the reads that reach it (and may take its
//! time over each), over a memory repository: what the cache saves is what it counts.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use pact::repository::BoxFuture;
use pact::{CursorPage, CursorRequest, MemoryRepository, Page, PageRequest, RepoError};

use crate::model::{User, UserRepository};

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

    fn read<'a, T: Send + 'a>(&'a self, call: BoxFuture<'a, T>) -> BoxFuture<'a, T> {
        Box::pin(async move {
            self.reads.fetch_add(1, Ordering::SeqCst);
            if !self.delay.is_zero() {
                tokio::time::sleep(self.delay).await;
            }
            call.await
        })
    }
}

// The trait's own signatures, as `cargo expand` shows them.
#[allow(clippy::elidable_lifetime_names)]
impl UserRepository for Counting {
    fn find_by_id<'a>(&'a self, id: i64) -> BoxFuture<'a, Result<Option<User>, RepoError>> {
        self.read(self.inner.find_by_id(id))
    }

    fn get_by_id<'a>(&'a self, id: i64) -> BoxFuture<'a, Result<User, RepoError>> {
        self.read(self.inner.get_by_id(id))
    }

    fn find_by_ids<'a>(&'a self, ids: &'a [i64]) -> BoxFuture<'a, Result<Vec<User>, RepoError>> {
        self.read(self.inner.find_by_ids(ids))
    }

    fn find_all<'a>(&'a self, page: PageRequest) -> BoxFuture<'a, Result<Page<User>, RepoError>> {
        self.read(self.inner.find_all(page))
    }

    fn find_by_email<'a>(
        &'a self,
        email: &'a str,
    ) -> BoxFuture<'a, Result<Option<User>, RepoError>> {
        self.read(self.inner.find_by_email(email))
    }

    fn find_all_by_team_id<'a>(
        &'a self,
        team_id: i32,
        page: PageRequest,
    ) -> BoxFuture<'a, Result<Page<User>, RepoError>> {
        self.read(self.inner.find_all_by_team_id(team_id, page))
    }

    fn count<'a>(&'a self) -> BoxFuture<'a, Result<u64, RepoError>> {
        self.read(self.inner.count())
    }

    fn exists<'a>(&'a self, id: i64) -> BoxFuture<'a, Result<bool, RepoError>> {
        self.read(self.inner.exists(id))
    }

    fn insert<'a>(&'a self, entity: User) -> BoxFuture<'a, Result<User, RepoError>> {
        self.inner.insert(entity)
    }

    fn insert_many<'a>(
        &'a self,
        entities: Vec<User>,
    ) -> BoxFuture<'a, Result<Vec<User>, RepoError>> {
        self.inner.insert_many(entities)
    }

    fn update<'a>(&'a self, entity: User) -> BoxFuture<'a, Result<User, RepoError>> {
        self.inner.update(entity)
    }

    fn delete_by_id<'a>(&'a self, id: i64) -> BoxFuture<'a, Result<bool, RepoError>> {
        self.inner.delete_by_id(id)
    }

    fn find_all_by_cursor<'a>(
        &'a self,
        cursor: CursorRequest,
    ) -> BoxFuture<'a, Result<CursorPage<User>, RepoError>> {
        self.read(self.inner.find_all_by_cursor(cursor))
    }

    fn upsert_by_email<'a>(&'a self, entity: User) -> BoxFuture<'a, Result<User, RepoError>> {
        self.inner.upsert_by_email(entity)
    }
}
