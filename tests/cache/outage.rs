//! A cache that is down, or goes down in the middle: every call answers from the repository,
//! correctly, and no caller sees an error. Writes made while Redis was away are invalidated
//! once it answers again.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use pact::repository::MemoryStore;
use pact::repository::cache::{Cache, RedisStore};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

use crate::model::User;

/// A port nothing listens on.
async fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    listener.local_addr().unwrap().port()
}

#[tokio::test]
async fn a_redis_that_is_not_there_degrades_to_the_repository() {
    let url = format!("redis://127.0.0.1:{}", closed_port().await);
    let store = RedisStore::with_timeout(&url, Duration::from_millis(100)).unwrap();
    let cache = Cache::new(store).cache_lists(Duration::from_secs(60));
    let backend = || crate::setup::cached(crate::backends::Backend::memory(), cache.clone());
    // Scenarios of the suite that write and read back, with every cache call failing.
    crate::suite::update_replaces_the_row(&backend()).await;
    crate::suite::find_by_unique_field(&backend()).await;
    crate::suite::delete_and_count(&backend()).await;
    crate::suite::insert_many_is_all_or_nothing(&backend()).await;
    crate::suite::update_checks_and_increments_the_version(&backend()).await;
}

/// A TCP proxy to Redis that can stop answering (its connections cut, new ones refused).
struct Proxy {
    port: u16,
    up: Arc<AtomicBool>,
    cut: watch::Sender<u64>,
}

impl Proxy {
    async fn start(target: String) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let up = Arc::new(AtomicBool::new(true));
        let (cut, _) = watch::channel(0_u64);
        let accepting = Arc::clone(&up);
        let cuts = cut.clone();
        tokio::spawn(async move {
            loop {
                let Ok((mut client, _)) = listener.accept().await else {
                    return;
                };
                if !accepting.load(Ordering::SeqCst) {
                    drop(client);
                    continue;
                }
                let target = target.clone();
                let mut cut = cuts.subscribe();
                tokio::spawn(async move {
                    let Ok(mut server) = TcpStream::connect(target).await else {
                        return;
                    };
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut client, &mut server) => {}
                        _ = cut.changed() => {}
                    }
                });
            }
        });
        Self { port, up, cut }
    }

    fn stop(&self) {
        self.up.store(false, Ordering::SeqCst);
        self.cut.send_modify(|n| *n += 1);
    }

    fn resume(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redis_going_away_mid_test_loses_nothing() {
    let Some(url) = crate::setup::redis_url() else {
        return;
    };
    let target = url
        .strip_prefix("redis://")
        .map(|rest| rest.split('/').next().unwrap_or(rest).to_owned())
        .expect("a redis:// URL");
    let proxy = Proxy::start(target).await;
    let namespace = crate::setup::namespace();
    let through_proxy = RedisStore::with_timeout(
        &format!("redis://127.0.0.1:{}", proxy.port),
        Duration::from_millis(200),
    )
    .unwrap();
    let database = MemoryStore::new();
    let users = Cache::new(through_proxy)
        .namespace(&namespace)
        .cache_lists(Duration::from_secs(60))
        .wrap::<User>(Arc::new(database.repository::<User>()));
    // Another instance, straight on Redis: it must not keep a stale value either.
    let other = crate::setup::redis_on(&url, &namespace)
        .wrap::<User>(Arc::new(database.repository::<User>()));

    let ada = users.insert(User::new("ada@x", "Ada", 1)).await.unwrap();
    assert_eq!(users.find_by_id(ada.id).await.unwrap().unwrap().name, "Ada");
    assert_eq!(other.find_by_id(ada.id).await.unwrap().unwrap().name, "Ada");
    assert_eq!(users.count().await.unwrap(), 1);

    proxy.stop();
    // Writes while Redis is away succeed; reads answer from the database.
    let mut renamed = ada.clone();
    renamed.name = "Ada L.".into();
    users.update(renamed.clone()).await.unwrap();
    let grace = users
        .insert(User::new("grace@x", "Grace", 2))
        .await
        .unwrap();
    assert_eq!(
        users.find_by_id(ada.id).await.unwrap(),
        Some(renamed.clone())
    );
    assert_eq!(
        users.find_by_email("grace@x").await.unwrap().unwrap().id,
        grace.id
    );
    assert_eq!(users.count().await.unwrap(), 2);

    proxy.resume();
    // Every read is right while the connection comes back, and once the pending
    // invalidations are delivered the other instance reads the new value too.
    let mut delivered = false;
    for _ in 0..100 {
        assert_eq!(
            users.find_by_id(ada.id).await.unwrap(),
            Some(renamed.clone())
        );
        assert_eq!(users.count().await.unwrap(), 2);
        if other.find_by_id(ada.id).await.unwrap() == Some(renamed.clone()) {
            delivered = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        delivered,
        "the invalidation made while Redis was away reached it"
    );
    assert_eq!(other.count().await.unwrap(), 2);
}
