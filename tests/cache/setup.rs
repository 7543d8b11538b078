//! Caches for the tests: `LocalStore`, Redis from `PACT_TEST_REDIS_URL`, each on a fresh namespace,
//! pages and counts cached too (so the suite covers their invalidation).

use std::io::Write as _;
use std::time::Duration;

use pact::repository::cache::{Cache, LocalStore, RedisStore};

use crate::backends::Backend;
use crate::model::{Document, Reservation, Session, Tag, User};

/// A key namespace no other test or run uses.
pub fn namespace() -> String {
    format!("t{}", uuid::Uuid::new_v4().simple())
}

/// An in-process cache, lists cached too.
pub fn local() -> Cache {
    Cache::new(LocalStore::new(16 << 20))
        .ttl(Duration::from_secs(60))
        .cache_lists(Duration::from_secs(60))
        .namespace(&namespace())
}

/// The Redis URL, or `None` with the reason printed.
pub fn redis_url() -> Option<String> {
    match std::env::var("PACT_TEST_REDIS_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            let _ = writeln!(
                std::io::stderr(),
                "skipped: PACT_TEST_REDIS_URL is not set (see DEVELOPERS.md); Redis was not tested"
            );
            None
        }
    }
}

/// A Redis cache on `PACT_TEST_REDIS_URL` in a fresh namespace, lists cached too.
pub fn redis() -> Option<Cache> {
    let url = redis_url()?;
    Some(redis_on(&url, &namespace()))
}

/// A Redis cache on `url` in `namespace` (a second instance of a service uses the same).
pub fn redis_on(url: &str, namespace: &str) -> Cache {
    // A generous timeout: the suite runs many tests at once on a shared machine.
    let store = RedisStore::with_timeout(url, Duration::from_secs(2)).expect("a Redis URL");
    Cache::new(store)
        .ttl(Duration::from_secs(60))
        .cache_lists(Duration::from_secs(60))
        .namespace(namespace)
}

/// The backend with every repository behind `cache`.
#[allow(clippy::needless_pass_by_value)] // callers build the cache in the argument
pub fn cached(mut backend: Backend, cache: Cache) -> Backend {
    backend.users = cache.wrap::<User>(backend.users);
    backend.tags = cache.wrap::<Tag>(backend.tags);
    backend.sessions = cache.wrap::<Session>(backend.sessions);
    backend.reservations = cache.wrap::<Reservation>(backend.reservations);
    backend.documents = cache.wrap::<Document>(backend.documents);
    backend
}
