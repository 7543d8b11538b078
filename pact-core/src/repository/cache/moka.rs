//! [`MokaStore`]: the in-process store, on a moka cache bounded in bytes, with a TTL per entry.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::{CacheError, CacheStore, Lookup};
use crate::repository::BoxFuture;

/// One cached value, with the generation of its guard when it was read from the backing
/// repository and how long it lives.
struct Entry {
    generation: u64,
    ttl: Duration,
    bytes: Arc<[u8]>,
}

struct PerEntry;

impl moka::Expiry<String, Arc<Entry>> for PerEntry {
    fn expire_after_create(&self, _: &String, entry: &Arc<Entry>, _: Instant) -> Option<Duration> {
        Some(entry.ttl)
    }

    fn expire_after_update(
        &self,
        _: &String,
        entry: &Arc<Entry>,
        _: Instant,
        _: Option<Duration>,
    ) -> Option<Duration> {
        Some(entry.ttl)
    }
}

/// An in-process [`CacheStore`] on [moka](https://docs.rs/moka): concurrent, bounded to a
/// number of bytes (keys and values; the least useful entries go first), each value with the
/// TTL it was stored with. Behind the `cache` feature.
///
/// Generations (what makes a read that raced a write never store its stale value) live in a
/// second moka cache of small entries; one that is evicted is re-created with a fresh number,
/// so the values it guarded read as misses: eviction costs hits, never correctness.
///
/// ```
/// use pact_core::repository::cache::{Cache, MokaStore};
///
/// // 64 MiB of entities; reads by id live 30 s.
/// let cache = Cache::new(MokaStore::new(64 << 20)).ttl(std::time::Duration::from_secs(30));
/// # let _ = cache;
/// ```
pub struct MokaStore {
    values: moka::sync::Cache<String, Arc<Entry>>,
    generations: moka::sync::Cache<String, u64>,
    clock: AtomicU64,
}

impl std::fmt::Debug for MokaStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MokaStore")
            .field("entries", &self.values.entry_count())
            .finish_non_exhaustive()
    }
}

impl MokaStore {
    /// A store holding at most about `max_bytes` of keys and values.
    ///
    /// ```
    /// let store = pact_core::repository::cache::MokaStore::new(1 << 20);
    /// # let _ = store;
    /// ```
    #[must_use]
    pub fn new(max_bytes: u64) -> Self {
        let values = moka::sync::Cache::builder()
            .max_capacity(max_bytes)
            .weigher(|key: &String, entry: &Arc<Entry>| {
                u32::try_from(key.len() + entry.bytes.len() + 48).unwrap_or(u32::MAX)
            })
            .expire_after(PerEntry)
            .build();
        // A generation is a key and a number: about a tenth of the values' bound in entries
        // of ~64 bytes, and no older than a day.
        let generations = moka::sync::Cache::builder()
            .max_capacity((max_bytes / 640).max(1024))
            .time_to_live(Duration::from_secs(24 * 60 * 60))
            .build();
        Self {
            values,
            generations,
            clock: AtomicU64::new(0),
        }
    }

    fn lookup(&self, key: &str, guard: &str) -> Lookup {
        let ticket = self
            .generations
            .get_with_by_ref(guard, || self.clock.fetch_add(1, Ordering::Relaxed) + 1);
        let value = self
            .values
            .get(key)
            .filter(|entry| entry.generation == ticket)
            .map(|entry| Arc::clone(&entry.bytes));
        Lookup { value, ticket }
    }

    fn fill(&self, key: &str, guard: &str, ticket: u64, value: Vec<u8>, ttl: Duration) -> bool {
        // Not atomic with `invalidate`, and need not be: an invalidation that lands between
        // the check and the insert removes the generation, so the value's is never current
        // again and it reads as a miss.
        if self.generations.get(guard) != Some(ticket) {
            return false;
        }
        self.values.insert(
            key.to_owned(),
            Arc::new(Entry {
                generation: ticket,
                ttl,
                bytes: value.into(),
            }),
        );
        true
    }
}

impl CacheStore for MokaStore {
    fn get<'a>(
        &'a self,
        key: &'a str,
        guard: &'a str,
    ) -> BoxFuture<'a, Result<Lookup, CacheError>> {
        Box::pin(std::future::ready(Ok(self.lookup(key, guard))))
    }

    fn put<'a>(
        &'a self,
        key: &'a str,
        guard: &'a str,
        ticket: u64,
        value: Vec<u8>,
        ttl: Duration,
    ) -> BoxFuture<'a, Result<bool, CacheError>> {
        Box::pin(std::future::ready(Ok(
            self.fill(key, guard, ticket, value, ttl)
        )))
    }

    fn invalidate<'a>(&'a self, keys: &'a [String]) -> BoxFuture<'a, Result<(), CacheError>> {
        for key in keys {
            self.generations.invalidate(key.as_str());
            self.values.invalidate(key.as_str());
        }
        Box::pin(std::future::ready(Ok(())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fill_after_an_invalidation_is_refused_and_a_stale_one_never_read() {
        let store = MokaStore::new(1 << 20);
        let miss = store.lookup("k", "k");
        assert!(miss.value.is_none());
        assert!(store.fill("k", "k", miss.ticket, vec![1], Duration::from_secs(60)));
        assert_eq!(store.lookup("k", "k").value.as_deref(), Some(&[1][..]));

        // A reader took its ticket, then a write invalidated: its fill is refused.
        let before = store.lookup("k", "k").ticket;
        drop(store.invalidate(&["k".to_owned()]));
        assert!(!store.fill("k", "k", before, vec![2], Duration::from_secs(60)));
        let after = store.lookup("k", "k");
        assert!(after.value.is_none());
        assert_ne!(after.ticket, before);

        // A value guarded by another key reads as a miss once that guard moves.
        let list = store.lookup("page", "all");
        assert!(store.fill("page", "all", list.ticket, vec![3], Duration::from_secs(60)));
        assert!(store.lookup("page", "all").value.is_some());
        drop(store.invalidate(&["all".to_owned()]));
        assert!(store.lookup("page", "all").value.is_none());
    }

    #[test]
    fn values_expire_after_their_ttl() {
        let store = MokaStore::new(1 << 20);
        let miss = store.lookup("k", "k");
        assert!(store.fill("k", "k", miss.ticket, vec![1], Duration::from_millis(20)));
        std::thread::sleep(Duration::from_millis(60));
        assert!(store.lookup("k", "k").value.is_none());
    }
}
