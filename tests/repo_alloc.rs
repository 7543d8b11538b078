//! A repository read answered without I/O (the memory repository, an in-process cache hit)
//! allocates only the entity's own clone: its `RepoFuture` is ready, not boxed, even through
//! `Arc<dyn UserRepository>`.
//!
//! A counting global allocator (wrapping `System`) counts the allocations made on the current
//! thread inside `allocations(...)`; this test binary holds a single test, so nothing else runs
//! beside it.
#[path = "common/counting_alloc.rs"]
mod counting_alloc;

use std::future::Future;
use std::hint::black_box;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use counting_alloc::allocations;
use pact::{MemoryRepository, Repository};

#[derive(Debug, Clone, PartialEq, Repository, serde::Serialize, serde::Deserialize)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(unique)]
    pub email: String,
    pub name: String,
}

/// The output of a future that must be ready at its first poll.
fn now<F: Future>(future: F) -> F::Output {
    match pin!(future)
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("a read without I/O is ready at its first poll"),
    }
}

#[test]
fn reads_without_io_allocate_only_the_entity_clone() {
    let memory = Arc::new(MemoryRepository::<User>::new());
    let users: Arc<dyn UserRepository> = memory.clone();
    let ada = now(users.insert(User {
        id: 0,
        email: "ada@example.com".into(),
        name: "Ada Lovelace".into(),
    }))
    .unwrap();
    let (clone, _) = allocations(|| black_box(&ada).clone());
    assert_eq!(clone, 2, "a `User` clone allocates its two strings");

    let (n, found) = allocations(|| now(users.find_by_id(black_box(ada.id))));
    assert_eq!(found.unwrap().as_ref(), Some(&ada));
    assert_eq!(n, clone, "memory `find_by_id`: the clone, no boxed future");
    let (n, found) = allocations(|| now(users.find_by_email(black_box("ada@example.com"))));
    assert_eq!(found.unwrap().as_ref(), Some(&ada));
    assert_eq!(
        n, clone,
        "memory `find_by_email`: the clone, no boxed future"
    );
    let (n, exists) = allocations(|| now(users.exists(black_box(ada.id))));
    assert!(exists.unwrap());
    assert_eq!(n, 0, "memory `exists` allocates nothing");
    let (n, count) = allocations(|| now(users.count()));
    assert_eq!(count.unwrap(), 1);
    assert_eq!(n, 0, "memory `count` allocates nothing");

    #[cfg(feature = "cache")]
    {
        use pact::repository::cache::{Cache, LocalStore};

        let cache = Cache::new(LocalStore::new(1 << 20));
        let cached: Arc<dyn UserRepository> = cache.wrap::<User>(memory);
        let (miss, found) = allocations(|| now(cached.find_by_id(ada.id)));
        assert_eq!(found.unwrap().as_ref(), Some(&ada));
        assert!(miss > clone, "a miss boxes its future and fills the cache");
        // The first hit decodes the stored bytes and keeps the entity beside them (its strings,
        // the kept box, and the clone it answers with); every later hit clones the kept one.
        let (first, found) = allocations(|| now(cached.find_by_id(ada.id)));
        assert_eq!(found.unwrap().as_ref(), Some(&ada));
        assert_eq!(first, 2 * clone + 1, "the first hit decodes once");
        let (n, found) = allocations(|| now(cached.find_by_id(black_box(ada.id))));
        assert_eq!(found.unwrap().as_ref(), Some(&ada));
        assert_eq!(
            n, clone,
            "a cache hit by id: the clone, no boxed future, no key on the heap"
        );
        let (n, exists) = allocations(|| now(cached.exists(black_box(ada.id))));
        assert!(exists.unwrap());
        assert_eq!(n, clone, "`exists` on a cached id: the hit's clone only");
        let (n, found) = allocations(|| now(cached.get_by_id(black_box(ada.id))));
        assert_eq!(found.unwrap(), ada);
        assert_eq!(n, clone, "`get_by_id` on a cached id: the clone only");
    }
}
