//! [`LocalStore`]: the in-process store, on a [quick_cache](https://docs.rs/quick_cache) cache
//! bounded in bytes, with a TTL per value.

use std::convert::Infallible;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use quanta::Instant;

use quick_cache::sync::{EntryAction, EntryResult};

use super::{CacheError, CacheStore, Lookup, Value};
use crate::repository::BoxFuture;

/// One key: its generation (as a guard), and the value stored under it, if any, with the
/// generation its guard had when the value was read from the backing repository. A read by id
/// (the key is its own guard) is one lookup of one slot; a read clones the slot, which costs
/// one reference count (the [`Value`]'s).
#[derive(Clone)]
struct Slot {
    generation: u64,
    value: Option<Stored>,
}

#[derive(Clone)]
struct Stored {
    at: u64,
    expires: Instant,
    value: Value,
}

impl Slot {
    /// The value, if it was stored at `generation` and has not expired.
    fn into_value_at(self, generation: u64, now: Instant) -> Option<Value> {
        self.value
            .filter(|stored| stored.at == generation && now < stored.expires)
            .map(|stored| stored.value)
    }
}

/// An entry's weight: its key and bytes twice (the bytes and the entity decoded from them on
/// the first hit), plus the slot. Fixed when the entry is written, as `quick_cache` requires.
#[derive(Clone)]
struct Bytes;

impl quick_cache::Weighter<String, Slot> for Bytes {
    fn weight(&self, key: &String, slot: &Slot) -> u64 {
        let bytes = slot
            .value
            .as_ref()
            .map_or(0, |stored| stored.value.bytes().len());
        (key.len() + 2 * bytes + 96) as u64
    }
}

type Slots = quick_cache::sync::Cache<String, Slot, Bytes>;

/// An in-process [`CacheStore`] on [quick_cache](https://docs.rs/quick_cache): concurrent
/// (sharded, a read takes one shard's read lock), bounded to a number of bytes (keys and
/// values; S3-FIFO evicts the least useful entries first), each value with the TTL it was
/// stored with. Behind the `cache` feature.
///
/// A key's generation (what makes a read that raced a write never store its stale value)
/// lives in the same entry as its value, so a read by id is one hash lookup; a fill and an
/// invalidation of one key are serialized by the shard's lock. An entry that is evicted is
/// re-created with a fresh number, so the values it guarded read as misses: eviction costs
/// hits, never correctness. A value past its TTL is never read (each read checks the clock);
/// its memory is taken back when the key is filled again or the size bound evicts it. The
/// value decoded by the first hit is kept beside the bytes, so later hits clone it instead of
/// decoding.
///
/// ```
/// use pact_core::repository::cache::{Cache, LocalStore};
///
/// // 64 MiB of entities; reads by id live 30 s.
/// let cache = Cache::new(LocalStore::new(64 << 20)).ttl(std::time::Duration::from_secs(30));
/// # let _ = cache;
/// ```
pub struct LocalStore {
    slots: Slots,
    clock: AtomicU64,
}

impl std::fmt::Debug for LocalStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalStore")
            .field("entries", &self.slots.len())
            .field("bytes", &self.slots.weight())
            .finish_non_exhaustive()
    }
}

impl LocalStore {
    /// A store holding at most about `max_bytes` of keys and values.
    ///
    /// ```
    /// let store = pact_core::repository::cache::LocalStore::new(1 << 20);
    /// # let _ = store;
    /// ```
    #[must_use]
    pub fn new(max_bytes: u64) -> Self {
        let estimated_items = usize::try_from(max_bytes / 512)
            .unwrap_or(usize::MAX)
            .clamp(16, 1 << 20);
        Self {
            slots: Slots::with_weighter(estimated_items, max_bytes, Bytes),
            clock: AtomicU64::new(0),
        }
    }

    fn fresh(&self) -> u64 {
        self.clock.fetch_add(1, Ordering::Relaxed) + 1
    }

    fn guard_slot(&self, guard: &str) -> Slot {
        // A plain read first: the insert-if-absent path costs more on a hit.
        if let Some(slot) = self.slots.get(guard) {
            return slot;
        }
        let created = self.slots.get_or_insert_with(guard, || {
            Ok::<_, Infallible>(Slot {
                generation: self.fresh(),
                value: None,
            })
        });
        match created {
            Ok(slot) => slot,
            Err(never) => match never {},
        }
    }

    fn lookup(&self, key: &str, guard: &str) -> Lookup {
        let slot = self.guard_slot(guard);
        let ticket = slot.generation;
        let now = Instant::now();
        let value = if key == guard {
            slot.into_value_at(ticket, now)
        } else {
            self.slots
                .get(key)
                .and_then(|own| own.into_value_at(ticket, now))
        };
        Lookup { value, ticket }
    }

    fn fill(&self, key: &str, guard: &str, ticket: u64, value: Vec<u8>, ttl: Duration) -> bool {
        let mut stored = Some(Stored {
            at: ticket,
            expires: Instant::now() + ttl,
            value: Value::new(value),
        });
        if key == guard {
            // Atomic with `invalidate` (both hold the shard's write lock): a value is stored
            // only at the generation the key has, and an invalidation removes both.
            let result = self.slots.entry(key, None, |_, slot| {
                if slot.generation == ticket {
                    slot.value = stored.take();
                    EntryAction::Retain(true)
                } else {
                    EntryAction::Retain(false)
                }
            });
            // Vacant: the generation was dropped since the ticket was taken; nothing is stored
            // (the placeholder guard is dropped unfilled).
            return matches!(result, EntryResult::Retained(true));
        }
        // Another key guards this one (a page under the entity's guard). Not atomic with the
        // guard's invalidation, and need not be: an invalidation that lands between the check
        // and the store removes the guard's generation, so the value's is never current
        // again and it reads as a miss.
        if self.slots.get(guard).map(|slot| slot.generation) != Some(ticket) {
            return false;
        }
        let result = self.slots.entry(key, None, |_, slot| {
            slot.value = stored.take();
            EntryAction::Retain(())
        });
        if let EntryResult::Vacant(placeholder) = result {
            let _ = placeholder.insert(Slot {
                generation: self.fresh(),
                value: stored.take(),
            });
        }
        true
    }
}

impl CacheStore for LocalStore {
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
            self.slots.remove(key.as_str());
        }
        Box::pin(std::future::ready(Ok(())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(lookup: &Lookup) -> Option<&[u8]> {
        lookup.value.as_ref().map(Value::bytes)
    }

    #[test]
    fn a_fill_after_an_invalidation_is_refused_and_a_stale_one_never_read() {
        let store = LocalStore::new(1 << 20);
        let miss = store.lookup("k", "k");
        assert!(miss.value.is_none());
        assert!(store.fill("k", "k", miss.ticket, vec![1], Duration::from_secs(60)));
        assert_eq!(bytes(&store.lookup("k", "k")), Some(&[1][..]));

        // A reader took its ticket, then a write invalidated: its fill is refused.
        let before = store.lookup("k", "k").ticket;
        drop(store.invalidate(&["k".to_owned()]));
        assert!(!store.fill("k", "k", before, vec![2], Duration::from_secs(60)));
        let after = store.lookup("k", "k");
        assert!(after.value.is_none());
        assert_ne!(after.ticket, before);

        // A fill whose key was dropped (evicted, invalidated) before it lands stores nothing.
        let ticket = store.lookup("gone", "gone").ticket;
        drop(store.invalidate(&["gone".to_owned()]));
        assert!(!store.fill("gone", "gone", ticket, vec![4], Duration::from_secs(60)));
        assert!(store.slots.get("gone").is_none());

        // A value guarded by another key reads as a miss once that guard moves.
        let list = store.lookup("page", "all");
        assert!(store.fill("page", "all", list.ticket, vec![3], Duration::from_secs(60)));
        assert!(store.lookup("page", "all").value.is_some());
        drop(store.invalidate(&["all".to_owned()]));
        assert!(store.lookup("page", "all").value.is_none());
    }

    #[test]
    fn values_expire_after_their_ttl() {
        let store = LocalStore::new(1 << 20);
        let miss = store.lookup("k", "k");
        assert!(store.fill("k", "k", miss.ticket, vec![1], Duration::from_millis(20)));
        std::thread::sleep(Duration::from_millis(60));
        let expired = store.lookup("k", "k");
        assert!(expired.value.is_none());
        // The key keeps its generation: a fill at it stores again.
        assert_eq!(expired.ticket, miss.ticket);
        assert!(store.fill("k", "k", expired.ticket, vec![2], Duration::from_secs(60)));
        assert_eq!(bytes(&store.lookup("k", "k")), Some(&[2][..]));
    }

    #[test]
    fn the_size_bound_holds() {
        let store = LocalStore::new(64 << 10);
        for n in 0..2_000 {
            let key = format!("k{n}");
            let ticket = store.lookup(&key, &key).ticket;
            store.fill(&key, &key, ticket, vec![0; 100], Duration::from_secs(60));
        }
        // About the bound: quick_cache splits it between its shards and rounds.
        let bound = (64 << 10) * 21 / 20;
        assert!(store.slots.weight() <= bound, "{}", store.slots.weight());
        assert!(store.slots.len() < 2_000);
    }
}
