//! Single-flight: concurrent misses of one key (at one generation) make one read of the
//! backing repository; the others wait for its answer. In-process, whatever the store, so it
//! serves Redis as it serves the in-process store.

use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::OnceCell;

use crate::repository::RepoError;

type Slot = Arc<OnceCell<Arc<dyn Any + Send + Sync>>>;

/// The reads in flight, by key and generation.
#[derive(Default)]
pub(crate) struct Flights {
    map: Mutex<HashMap<(String, u64), Slot>>,
}

impl Flights {
    /// Runs `read` unless a read of `key` at `generation` is already running, in which case
    /// it waits for that one's answer. When the running read fails (or its caller goes away)
    /// a waiting caller runs its own `read`.
    pub(crate) async fn run<T, Fut>(
        &self,
        key: &str,
        generation: u64,
        read: Fut,
    ) -> Result<T, RepoError>
    where
        T: Clone + Send + Sync + 'static,
        Fut: Future<Output = Result<T, RepoError>>,
    {
        let id = (key.to_owned(), generation);
        let slot = Arc::clone(
            self.lock()
                .entry(id.clone())
                .or_insert_with(|| Arc::new(OnceCell::new())),
        );
        let result = slot
            .get_or_try_init(|| async {
                read.await
                    .map(|value| Arc::new(value) as Arc<dyn Any + Send + Sync>)
            })
            .await
            .map(Arc::clone);
        {
            let mut map = self.lock();
            if map
                .get(&id)
                .is_some_and(|current| Arc::ptr_eq(current, &slot))
            {
                map.remove(&id);
            }
        }
        let value = result?;
        value.downcast_ref::<T>().cloned().ok_or_else(|| {
            RepoError::backend("a cache flight's value has another type (two entities share a key)")
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(String, u64), Slot>> {
        self.map.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    #[tokio::test]
    async fn concurrent_reads_of_one_key_run_once() {
        let flights = Arc::new(Flights::default());
        let reads = Arc::new(AtomicUsize::new(0));
        let gate = Arc::new(tokio::sync::Notify::new());
        let mut tasks = Vec::new();
        for _ in 0..16 {
            let flights = Arc::clone(&flights);
            let reads = Arc::clone(&reads);
            let gate = Arc::clone(&gate);
            tasks.push(tokio::spawn(async move {
                flights
                    .run("k", 1, async {
                        reads.fetch_add(1, Ordering::SeqCst);
                        gate.notified().await;
                        Ok(42_u32)
                    })
                    .await
            }));
        }
        for _ in 0..50 {
            tokio::task::yield_now().await;
        }
        gate.notify_waiters();
        gate.notify_one();
        for task in tasks {
            assert_eq!(task.await.unwrap().unwrap(), 42);
        }
        assert_eq!(reads.load(Ordering::SeqCst), 1);
        assert!(flights.lock().is_empty());
        // Another generation is another flight.
        assert_eq!(flights.run("k", 2, async { Ok(7_u32) }).await.unwrap(), 7);
    }
}
