//! Single-flight: concurrent misses on one cold key make one read of the backing repository.

use std::sync::Arc;
use std::time::Duration;

use pact::repository::cache::Cache;

use crate::counting::Counting;
use crate::model::User;

async fn thirty_two_readers_one_read(cache: Cache) {
    let backing = Counting::new(Duration::from_millis(100));
    let users = cache.wrap::<User>(backing.clone());
    let ada = users.insert(User::new("ada@x", "Ada", 1)).await.unwrap();
    let before = backing.reads();

    let barrier = Arc::new(tokio::sync::Barrier::new(32));
    let readers: Vec<_> = (0..32)
        .map(|_| {
            let users = Arc::clone(&users);
            let barrier = Arc::clone(&barrier);
            tokio::spawn(async move {
                barrier.wait().await;
                users.find_by_id(ada.id).await
            })
        })
        .collect();
    for reader in readers {
        assert_eq!(reader.await.unwrap().unwrap().unwrap().email, "ada@x");
    }
    assert_eq!(
        backing.reads() - before,
        1,
        "32 concurrent misses made one backing read"
    );

    // Warm now: no read at all.
    assert!(users.find_by_id(ada.id).await.unwrap().is_some());
    assert_eq!(backing.reads() - before, 1);

    // The same for a unique field.
    let readers: Vec<_> = (0..32)
        .map(|_| {
            let users = Arc::clone(&users);
            tokio::spawn(async move { users.find_by_email("ada@x").await })
        })
        .collect();
    for reader in readers {
        assert_eq!(reader.await.unwrap().unwrap().unwrap().id, ada.id);
    }
    assert_eq!(
        backing.reads() - before,
        2,
        "32 concurrent misses by email made one read"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn local_coalesces_concurrent_misses() {
    thirty_two_readers_one_read(crate::setup::local()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn redis_coalesces_concurrent_misses() {
    let Some(cache) = crate::setup::redis() else {
        return;
    };
    thirty_two_readers_one_read(cache).await;
}
