//! No stale reads: a write through the cache is read back at once (by id, by unique field,
//! in pages and counts), a write behind it is read once its TTL has passed, concurrent writes
//! and reads end on the stored value, and bytes of another shape are a miss.

use std::sync::Arc;
use std::time::Duration;

use pact::PageRequest;
use pact::repository::cache::{Cache, LocalStore};

use crate::counting::Counting;
use pact::repository::Backend;

use crate::model::User;

async fn writes_are_read_back(cache: Cache) {
    let backing = Counting::new(Duration::ZERO);
    let users = cache.wrap::<User>(backing.clone());
    let ada = users.insert(User::new("ada@x", "Ada", 1)).await.unwrap();
    // Warm every kind of key.
    assert_eq!(users.find_by_id(ada.id).await.unwrap().unwrap().name, "Ada");
    assert_eq!(
        users.find_by_email("ada@x").await.unwrap().unwrap().id,
        ada.id
    );
    assert_eq!(users.count().await.unwrap(), 1);
    assert_eq!(
        users
            .find_all_by_team_id(1, PageRequest::default())
            .await
            .unwrap()
            .total,
        1
    );
    let warm = backing.reads();
    assert!(users.find_by_id(ada.id).await.unwrap().is_some());
    assert!(users.exists(ada.id).await.unwrap());
    assert_eq!(users.count().await.unwrap(), 1);
    assert_eq!(backing.reads(), warm, "warm reads are served by the cache");

    // An update that changes the unique field and the indexed one.
    let mut changed = ada.clone();
    changed.name = "Ada L.".into();
    changed.email = "lovelace@x".into();
    changed.team_id = 2;
    users.update(changed.clone()).await.unwrap();
    assert_eq!(
        users.find_by_id(ada.id).await.unwrap().unwrap().name,
        "Ada L."
    );
    assert_eq!(users.get_by_id(ada.id).await.unwrap().email, "lovelace@x");
    assert_eq!(
        users.find_by_email("ada@x").await.unwrap(),
        None,
        "the old email's key is stale"
    );
    assert_eq!(
        users.find_by_email("lovelace@x").await.unwrap().unwrap().id,
        ada.id
    );
    assert_eq!(
        users
            .find_all_by_team_id(1, PageRequest::default())
            .await
            .unwrap()
            .total,
        0
    );
    assert_eq!(
        users
            .find_all_by_team_id(2, PageRequest::default())
            .await
            .unwrap()
            .total,
        1
    );

    // Another user takes the old email: its key now leads to the new one.
    let grace = users.insert(User::new("ada@x", "Grace", 1)).await.unwrap();
    assert_eq!(
        users.find_by_email("ada@x").await.unwrap().unwrap().id,
        grace.id
    );
    assert_eq!(users.count().await.unwrap(), 2);

    // Deletes.
    assert!(users.delete_by_id(ada.id).await.unwrap());
    assert_eq!(users.find_by_id(ada.id).await.unwrap(), None);
    assert!(!users.exists(ada.id).await.unwrap());
    assert!(users.get_by_id(ada.id).await.unwrap_err().is_not_found());
    assert_eq!(users.find_by_email("lovelace@x").await.unwrap(), None);
    assert_eq!(users.count().await.unwrap(), 1);

    // insert_many.
    let many = users
        .insert_many(vec![User::new("b@x", "B", 3), User::new("c@x", "C", 3)])
        .await
        .unwrap();
    assert_eq!(users.count().await.unwrap(), 3);
    assert_eq!(
        users.find_by_email("c@x").await.unwrap().unwrap().id,
        many[1].id
    );
}

/// An upsert that updates is a write like `update`: the id key and the unique key it moved
/// are read back at once.
async fn upserts_are_read_back(cache: Cache) {
    let backing = Counting::new(Duration::ZERO);
    let users = cache.wrap::<User>(backing.clone());
    let ada = users
        .upsert_by_email(User::new("ada@x", "Ada", 1))
        .await
        .unwrap();
    assert_eq!(users.find_by_id(ada.id).await.unwrap().unwrap().name, "Ada");
    assert_eq!(
        users.find_by_email("ada@x").await.unwrap().unwrap().name,
        "Ada"
    );
    let warm = backing.reads();
    assert!(users.find_by_id(ada.id).await.unwrap().is_some());
    assert_eq!(backing.reads(), warm, "the row is cached");

    let again = users
        .upsert_by_email(User::new("ada@x", "Ada L.", 2))
        .await
        .unwrap();
    assert_eq!(again.id, ada.id, "the upsert updated the stored row");
    assert_eq!(
        users.find_by_id(ada.id).await.unwrap().unwrap().name,
        "Ada L."
    );
    assert_eq!(
        users.find_by_email("ada@x").await.unwrap().unwrap().team_id,
        2
    );
}

#[tokio::test]
async fn local_upserts_are_read_back() {
    upserts_are_read_back(crate::setup::local()).await;
}

#[tokio::test]
async fn redis_upserts_are_read_back() {
    let Some(cache) = crate::setup::redis() else {
        return;
    };
    upserts_are_read_back(cache).await;
}

#[tokio::test]
async fn local_writes_are_read_back() {
    writes_are_read_back(crate::setup::local()).await;
}

#[tokio::test]
async fn redis_writes_are_read_back() {
    let Some(cache) = crate::setup::redis() else {
        return;
    };
    writes_are_read_back(cache).await;
}

async fn a_write_behind_the_cache_is_read_after_the_ttl(cache: Cache) {
    let backing = Counting::new(Duration::ZERO);
    let users = cache.wrap::<User>(backing.clone());
    let ada = users.insert(User::new("ada@x", "Ada", 1)).await.unwrap();
    assert_eq!(users.find_by_id(ada.id).await.unwrap().unwrap().name, "Ada");
    // Someone writes without the cache (another service, a migration).
    let mut renamed = ada.clone();
    renamed.name = "Ada L.".into();
    backing.behind_the_cache().update(renamed).await.unwrap();
    // Wait well past the TTL; the cached value has gone.
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(
        users.find_by_id(ada.id).await.unwrap().unwrap().name,
        "Ada L."
    );
}

#[tokio::test]
async fn local_values_expire_after_their_ttl() {
    let cache = Cache::new(LocalStore::new(1 << 20))
        .ttl(Duration::from_millis(200))
        .namespace(&crate::setup::namespace());
    a_write_behind_the_cache_is_read_after_the_ttl(cache).await;
}

#[tokio::test]
async fn redis_values_expire_after_their_ttl() {
    let Some(cache) = crate::setup::redis() else {
        return;
    };
    a_write_behind_the_cache_is_read_after_the_ttl(cache.ttl(Duration::from_millis(200))).await;
}

/// Readers race a writer over a slow repository; once all are done, the cache agrees with
/// the repository.
async fn concurrent_writes_and_reads_end_consistent(cache: Cache) {
    let backing = Counting::new(Duration::from_millis(2));
    let users = cache.wrap::<User>(backing.clone());
    let ada = users.insert(User::new("ada@x", "v0", 1)).await.unwrap();
    let writer = {
        let users = Arc::clone(&users);
        let ada = ada.clone();
        tokio::spawn(async move {
            for n in 1..=40 {
                let mut next = ada.clone();
                next.name = format!("v{n}");
                users.update(next).await.unwrap();
                tokio::task::yield_now().await;
            }
        })
    };
    let readers: Vec<_> = (0..8)
        .map(|_| {
            let users = Arc::clone(&users);
            tokio::spawn(async move {
                for _ in 0..60 {
                    let _ = users.find_by_id(ada.id).await.unwrap();
                    let _ = users.find_by_email("ada@x").await.unwrap();
                }
            })
        })
        .collect();
    writer.await.unwrap();
    for reader in readers {
        reader.await.unwrap();
    }
    let stored = backing
        .behind_the_cache()
        .find_by_id(ada.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.name, "v40");
    assert_eq!(users.find_by_id(ada.id).await.unwrap().unwrap(), stored);
    assert_eq!(users.find_by_email("ada@x").await.unwrap().unwrap(), stored);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn local_concurrent_writes_and_reads_end_consistent() {
    concurrent_writes_and_reads_end_consistent(crate::setup::local()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn redis_concurrent_writes_and_reads_end_consistent() {
    let Some(cache) = crate::setup::redis() else {
        return;
    };
    concurrent_writes_and_reads_end_consistent(cache).await;
}

/// Pages and counts pass through unless the cache is asked to keep them.
#[tokio::test]
async fn pages_and_counts_pass_through_by_default() {
    let backing = Counting::new(Duration::ZERO);
    let cache = Cache::new(LocalStore::new(1 << 20)).namespace(&crate::setup::namespace());
    let users = cache.wrap::<User>(backing.clone());
    users.insert(User::new("ada@x", "Ada", 1)).await.unwrap();
    let before = backing.reads();
    for _ in 0..3 {
        assert_eq!(users.count().await.unwrap(), 1);
        assert_eq!(
            users.find_all(PageRequest::default()).await.unwrap().total,
            1
        );
    }
    assert_eq!(backing.reads() - before, 6);
}

/// A schema hash in every key: an entity of another shape under the same table never reads
/// these bytes, and bytes that do not decode are a miss.
#[tokio::test]
async fn another_shape_reads_nothing_stale() {
    use pact::repository::cache::CacheEntity as _;

    #[derive(Debug, Clone, PartialEq, pact::Repository, serde::Serialize, serde::Deserialize)]
    #[repo(table = "users")]
    struct UserV2 {
        #[repo(id, generated)]
        id: i64,
        #[repo(unique)]
        email: String,
        display_name: String,
    }

    assert_ne!(User::SCHEMA_HASH, UserV2::SCHEMA_HASH);
    let store = std::sync::Arc::new(LocalStore::new(1 << 20));
    let namespace = crate::setup::namespace();
    let v1 = Cache::from_store(store.clone()).namespace(&namespace);
    let v2 = Cache::from_store(store).namespace(&namespace);
    let users = v1.wrap::<User>(Arc::new(pact::MemoryRepository::<User>::new()));
    let ada = users.insert(User::new("ada@x", "Ada", 1)).await.unwrap();
    assert!(users.find_by_id(ada.id).await.unwrap().is_some());
    // The new struct's repository has its own rows; the old bytes are not read as its own.
    let users_v2 = v2.wrap::<UserV2>(Arc::new(pact::MemoryRepository::<UserV2>::new()));
    assert_eq!(users_v2.find_by_id(ada.id).await.unwrap(), None);
    assert_eq!(users_v2.find_by_email("ada@x").await.unwrap(), None);
}
