//! [`LocalStore`]: the in-process store, on [quick_cache](https://docs.rs/quick_cache) caches
//! (one per shard, each behind its own read-write lock) bounded in bytes, with a TTL per value.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::Duration;

use quanta::Instant;

use super::{CacheError, CacheStore, Lookup, Value};
use crate::repository::BoxFuture;

/// One key: its generation (as a guard), and the value stored under it, if any, with the
/// generation its guard had when the value was read from the backing repository. A read by id
/// (the key is its own guard) is one lookup of one slot, under its shard's read lock.
struct Slot {
    generation: u64,
    value: Option<Stored>,
}

struct Stored {
    at: u64,
    expires: Instant,
    value: Value,
}

impl Slot {
    /// The value, if it was stored at `generation` and has not expired.
    fn value_at(&self, generation: u64, now: Instant) -> Option<&Value> {
        self.value
            .as_ref()
            .filter(|stored| stored.at == generation && now < stored.expires)
            .map(|stored| &stored.value)
    }

    /// The value, if it was stored at the slot's own generation (the key is its own guard)
    /// and has not expired.
    fn current(&self, now: Instant) -> Option<&Value> {
        self.value_at(self.generation, now)
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

/// One shard: a single-threaded `quick_cache` cache behind a lock. Its `get` takes `&self`, so
/// a hit reads the slot in place under the read lock: no reference count is taken.
type Shard = RwLock<quick_cache::unsync::Cache<String, Slot, Bytes>>;

/// An in-process [`CacheStore`] on [quick_cache](https://docs.rs/quick_cache): concurrent
/// (sharded, a read takes one shard's read lock), bounded to a number of bytes (keys and
/// values; S3-FIFO evicts the least useful entries of a shard first), each value with the
/// TTL it was stored with. Behind the `cache` feature.
///
/// A key's generation (what makes a read that raced a write never store its stale value)
/// lives in the same entry as its value, so a read by id is one hash lookup; a fill and an
/// invalidation of one key are serialized by the shard's lock. An entry that is evicted is
/// re-created with a fresh number, so the values it guarded read as misses: eviction costs
/// hits, never correctness. A value past its TTL is never read (each read checks the clock);
/// its memory is taken back when the key is filled again or the size bound evicts it. The
/// value decoded by the first hit is kept beside the bytes, so later hits clone it instead of
/// decoding, read in place under the shard's read lock.
///
/// ```
/// use pact_core::repository::cache::{Cache, LocalStore};
///
/// // 64 MiB of entities; reads by id live 30 s.
/// let cache = Cache::new(LocalStore::new(64 << 20)).ttl(std::time::Duration::from_secs(30));
/// # let _ = cache;
/// ```
pub struct LocalStore {
    shards: Box<[Shard]>,
    clock: AtomicU64,
}

impl std::fmt::Debug for LocalStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalStore")
            .field("entries", &self.len())
            .field("bytes", &self.weight())
            .finish_non_exhaustive()
    }
}

fn read(shard: &Shard) -> RwLockReadGuard<'_, quick_cache::unsync::Cache<String, Slot, Bytes>> {
    // A panic while a shard was held leaves a consistent cache (every write is one call).
    shard.read().unwrap_or_else(PoisonError::into_inner)
}

fn write(shard: &Shard) -> RwLockWriteGuard<'_, quick_cache::unsync::Cache<String, Slot, Bytes>> {
    shard.write().unwrap_or_else(PoisonError::into_inner)
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
        // As quick_cache's own sharded cache: four shards per core, fewer for a small bound.
        let cores = std::thread::available_parallelism().map_or(4, std::num::NonZero::get);
        let mut count = (cores * 4).next_power_of_two();
        while count > 1 && estimated_items / count < 32 {
            count /= 2;
        }
        let items = estimated_items.div_ceil(count);
        let weight = max_bytes.div_ceil(count as u64);
        Self {
            shards: (0..count)
                .map(|_| {
                    RwLock::new(quick_cache::unsync::Cache::with_weighter(
                        items, weight, Bytes,
                    ))
                })
                .collect(),
            clock: AtomicU64::new(0),
        }
    }

    /// The shard of `key`: from its last 8 bytes (where ids, values and arguments differ;
    /// every key of a namespace shares its prefix), mixed by a multiply.
    fn shard(&self, key: &str) -> &Shard {
        let bytes = key.as_bytes();
        let mut tail = [0u8; 8];
        let from = bytes.len().saturating_sub(8);
        tail[..bytes.len() - from].copy_from_slice(&bytes[from..]);
        let mixed =
            (u64::from_le_bytes(tail) ^ bytes.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        // The top bits are the best mixed; `len` is a power of two.
        let bits = self.shards.len().trailing_zeros();
        let index = if bits == 0 { 0 } else { mixed >> (64 - bits) };
        &self.shards[usize::try_from(index).unwrap_or(0)]
    }

    fn fresh(&self) -> u64 {
        self.clock.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// The generation of `guard`, made now when it has none.
    fn generation(&self, guard: &str) -> u64 {
        let shard = self.shard(guard);
        // A plain read first: the write lock costs more on a hit.
        if let Some(slot) = read(shard).get(guard) {
            return slot.generation;
        }
        let mut cache = write(shard);
        if let Some(slot) = cache.get(guard) {
            return slot.generation;
        }
        let generation = self.fresh();
        cache.insert(
            guard.to_owned(),
            Slot {
                generation,
                value: None,
            },
        );
        generation
    }

    fn lookup(&self, key: &str, guard: &str) -> Lookup {
        let now = Instant::now();
        if key == guard {
            if let Some(slot) = read(self.shard(key)).get(key) {
                return Lookup {
                    value: slot.current(now).cloned(),
                    ticket: slot.generation,
                };
            }
            return Lookup {
                value: None,
                ticket: self.generation(guard),
            };
        }
        let ticket = self.generation(guard);
        let value = read(self.shard(key))
            .get(key)
            .and_then(|own| own.value_at(ticket, now).cloned());
        Lookup { value, ticket }
    }

    /// Hands `with` the current value of `key` (its own guard) in place; whether there was one.
    fn peek(&self, key: &str, with: &mut dyn FnMut(&Value)) -> bool {
        let now = Instant::now();
        let cache = read(self.shard(key));
        match cache.get(key).and_then(|slot| slot.current(now)) {
            Some(value) => {
                with(value);
                true
            }
            None => false,
        }
    }

    fn fill(&self, key: &str, guard: &str, ticket: u64, value: Vec<u8>, ttl: Duration) -> bool {
        let stored = Stored {
            at: ticket,
            expires: Instant::now() + ttl,
            value: Value::new(value),
        };
        if key == guard {
            // Atomic with `invalidate` (both hold the shard's write lock): a value is stored
            // only at the generation the key has, and an invalidation removes both. Absent:
            // the generation was dropped since the ticket was taken; nothing is stored.
            let mut cache = write(self.shard(key));
            return match cache.get_mut(key) {
                Some(mut slot) if slot.generation == ticket => {
                    slot.value = Some(stored);
                    true
                }
                _ => false,
            };
        }
        // Another key guards this one (a page under the entity's guard). Not atomic with the
        // guard's invalidation, and need not be: an invalidation that lands between the check
        // and the store removes the guard's generation, so the value's is never current
        // again and it reads as a miss.
        if read(self.shard(guard))
            .get(guard)
            .map(|slot| slot.generation)
            != Some(ticket)
        {
            return false;
        }
        let mut cache = write(self.shard(key));
        if let Some(mut slot) = cache.get_mut(key) {
            slot.value = Some(stored);
        } else {
            let generation = self.fresh();
            cache.insert(
                key.to_owned(),
                Slot {
                    generation,
                    value: Some(stored),
                },
            );
        }
        true
    }

    fn len(&self) -> usize {
        self.shards.iter().map(|shard| read(shard).len()).sum()
    }

    fn weight(&self) -> u64 {
        self.shards.iter().map(|shard| read(shard).weight()).sum()
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

    fn peek_now(
        &self,
        key: &str,
        with: &mut dyn FnMut(&Value),
    ) -> Option<Result<bool, CacheError>> {
        Some(Ok(self.peek(key, with)))
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
            write(self.shard(key)).remove(key.as_str());
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
        assert!(read(store.shard("gone")).get("gone").is_none());

        // A value guarded by another key reads as a miss once that guard moves.
        let list = store.lookup("page", "all");
        assert!(store.fill("page", "all", list.ticket, vec![3], Duration::from_secs(60)));
        assert!(store.lookup("page", "all").value.is_some());
        drop(store.invalidate(&["all".to_owned()]));
        assert!(store.lookup("page", "all").value.is_none());
    }

    #[test]
    fn a_peek_reads_only_the_current_unexpired_value() {
        let store = LocalStore::new(1 << 20);
        let mut seen = Vec::new();
        assert!(!store.peek("k", &mut |value| seen.push(value.bytes().to_vec())));

        let miss = store.lookup("k", "k");
        assert!(store.fill("k", "k", miss.ticket, vec![7], Duration::from_secs(60)));
        assert!(store.peek("k", &mut |value| seen.push(value.bytes().to_vec())));
        assert_eq!(seen, [vec![7]]);

        // After an invalidation the key has a new generation and no value.
        drop(store.invalidate(&["k".to_owned()]));
        assert!(!store.peek("k", &mut |value| seen.push(value.bytes().to_vec())));

        // A value past its TTL is not handed out.
        let ticket = store.lookup("k", "k").ticket;
        assert!(store.fill("k", "k", ticket, vec![8], Duration::from_millis(20)));
        std::thread::sleep(Duration::from_millis(60));
        assert!(!store.peek("k", &mut |value| seen.push(value.bytes().to_vec())));
        assert_eq!(seen, [vec![7]]);
        // Through the trait, as `Cached` reads.
        assert!(matches!(store.peek_now("k", &mut |_| ()), Some(Ok(false))));
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
        assert!(store.weight() <= bound, "{}", store.weight());
        assert!(store.len() < 2_000);
    }
}
