//! [`MokaStore`]: the in-process store, on a moka cache bounded in bytes, with a TTL per entry.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use moka::ops::compute::{CompResult, Op};

use super::{CacheError, CacheStore, Lookup};
use crate::repository::BoxFuture;

/// How long a key's generation lives when it guards no value of its own.
const GENERATION_TTL: Duration = Duration::from_secs(24 * 60 * 60);

/// One key: its generation (as a guard), and the value stored under it, if any, with the
/// generation its guard had when the value was read from the backing repository. A read by id
/// (the key is its own guard) is one lookup of one slot.
struct Slot {
    generation: u64,
    value: Option<Stored>,
}

struct Stored {
    at: u64,
    ttl: Duration,
    bytes: Arc<[u8]>,
}

impl Slot {
    fn ttl(&self) -> Duration {
        self.value
            .as_ref()
            .map_or(GENERATION_TTL, |stored| stored.ttl)
    }

    fn bytes_at(&self, generation: u64) -> Option<Arc<[u8]>> {
        self.value
            .as_ref()
            .filter(|stored| stored.at == generation)
            .map(|stored| Arc::clone(&stored.bytes))
    }
}

struct PerEntry;

impl moka::Expiry<String, Arc<Slot>> for PerEntry {
    fn expire_after_create(&self, _: &String, slot: &Arc<Slot>, _: Instant) -> Option<Duration> {
        Some(slot.ttl())
    }

    fn expire_after_update(
        &self,
        _: &String,
        slot: &Arc<Slot>,
        _: Instant,
        _: Option<Duration>,
    ) -> Option<Duration> {
        Some(slot.ttl())
    }
}

/// An in-process [`CacheStore`] on [moka](https://docs.rs/moka): concurrent, bounded to a
/// number of bytes (keys and values; the least useful entries go first), each value with the
/// TTL it was stored with. Behind the `cache` feature.
///
/// A key's generation (what makes a read that raced a write never store its stale value)
/// lives in the same entry as its value, so a read by id is one hash lookup; a fill and an
/// invalidation of one key are serialized by moka's per-key lock. An entry that is evicted or
/// expires is re-created with a fresh number, so the values it guarded read as misses:
/// eviction costs hits, never correctness.
///
/// ```
/// use pact_core::repository::cache::{Cache, MokaStore};
///
/// // 64 MiB of entities; reads by id live 30 s.
/// let cache = Cache::new(MokaStore::new(64 << 20)).ttl(std::time::Duration::from_secs(30));
/// # let _ = cache;
/// ```
pub struct MokaStore {
    slots: moka::sync::Cache<String, Arc<Slot>>,
    clock: AtomicU64,
}

impl std::fmt::Debug for MokaStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MokaStore")
            .field("entries", &self.slots.entry_count())
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
        let slots = moka::sync::Cache::builder()
            .max_capacity(max_bytes)
            .weigher(|key: &String, slot: &Arc<Slot>| {
                let bytes = slot.value.as_ref().map_or(0, |stored| stored.bytes.len());
                u32::try_from(key.len() + bytes + 64).unwrap_or(u32::MAX)
            })
            .expire_after(PerEntry)
            .build();
        Self {
            slots,
            clock: AtomicU64::new(0),
        }
    }

    fn fresh(&self) -> u64 {
        self.clock.fetch_add(1, Ordering::Relaxed) + 1
    }

    fn guard_slot(&self, guard: &str) -> Arc<Slot> {
        self.slots.get_with_by_ref(guard, || {
            Arc::new(Slot {
                generation: self.fresh(),
                value: None,
            })
        })
    }

    fn lookup(&self, key: &str, guard: &str) -> Lookup {
        let slot = self.guard_slot(guard);
        let ticket = slot.generation;
        let value = if key == guard {
            slot.bytes_at(ticket)
        } else {
            self.slots.get(key).and_then(|own| own.bytes_at(ticket))
        };
        Lookup { value, ticket }
    }

    fn fill(&self, key: &str, guard: &str, ticket: u64, value: Vec<u8>, ttl: Duration) -> bool {
        let stored = Stored {
            at: ticket,
            ttl,
            bytes: value.into(),
        };
        if key == guard {
            // Atomic with `invalidate` (both compute on the key): a value is stored only at
            // the generation the key has, and an invalidation removes both.
            let result = self
                .slots
                .entry_by_ref(key)
                .and_compute_with(|current| match current {
                    Some(entry) if entry.value().generation == ticket => Op::Put(Arc::new(Slot {
                        generation: ticket,
                        value: Some(stored),
                    })),
                    _ => Op::Nop,
                });
            return matches!(result, CompResult::ReplacedWith(_));
        }
        // Another key guards this one (a page under the entity's guard). Not atomic with the
        // guard's invalidation, and need not be: an invalidation that lands between the check
        // and the store removes the guard's generation, so the value's is never current
        // again and it reads as a miss.
        if self.slots.get(guard).map(|slot| slot.generation) != Some(ticket) {
            return false;
        }
        self.slots.entry_by_ref(key).and_compute_with(|current| {
            let generation = current.map_or_else(|| self.fresh(), |entry| entry.value().generation);
            Op::Put(Arc::new(Slot {
                generation,
                value: Some(stored),
            }))
        });
        true
    }

    fn remove(&self, key: &str) {
        self.slots
            .entry_by_ref(key)
            .and_compute_with(|_| Op::Remove);
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

    fn get_now(&self, key: &str, guard: &str) -> Option<Result<Lookup, CacheError>> {
        Some(Ok(self.lookup(key, guard)))
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
            self.remove(key);
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
