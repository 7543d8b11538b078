//! `find_by_id` of one warm row, four ways, in one criterion run:
//!
//! ```text
//! PACT_TEST_REDIS_URL=redis://127.0.0.1:6379 \
//!   cargo bench --bench cache --features cache,redis,sqlite -- --noplot
//! ```
//!
//! - `bare_map`: a `HashMap<i64, User>` behind a `RwLock`: read, get, clone.
//! - `local`: `Cached<User>` on a `LocalStore` (`quick_cache`) over a `MemoryRepository`,
//!   through `Arc<dyn UserRepository>` (key built on the stack, one entry looked up for the
//!   generation and the value, the TTL checked, the entity decoded by the first hit cloned).
//! - `redis`: the same on a `RedisStore` (one `MGET` of the generation and the value per hit:
//!   a round trip to the server); left out when `PACT_TEST_REDIS_URL` is unset.
//! - `redis_round_trip`: not a `find_by_id`: one plain `GET` of a small existing key on a
//!   `ConnectionManager` to the same URL, run beside `redis` in the same way. It is the floor
//!   of any Redis hit (one round trip, no decode), so `redis` / `redis_round_trip` is pact's
//!   own overhead; left out with `redis`.
//! - `sqlite_file`: the generated SQLite repository on a file database (WAL, as a service
//!   opens one), through the trait object: no cache.
//!
//! While it runs, the bench holds `/dev/cpu_dma_latency` at 0 (the kernel's power-management
//! latency request, as the `latency-performance` profile of `tuned` and latency-bound services
//! set it), so an idle vCPU polls instead of halting between round trips; without it, on this
//! 2-core VM at rest, every loopback round trip pays two vCPU wake-ups (`redis-benchmark`'s GET
//! p50: 71 µs, against 15 µs with it), which measures the hypervisor rather than the cache.
//! `PACT_BENCH_IDLE=1` measures
//! without it; where the device cannot be opened (not root), the bench says so and goes on.
//!
//! The bare map is called directly; the local path's future is ready at its first poll (no
//! I/O), so it is polled once with a no-op waker, as `benches/repository.rs` polls memory;
//! Redis and SQLite run on a current-thread tokio runtime (`block_on` per call).

use std::collections::HashMap;
use std::future::Future;
use std::hint::black_box;
use std::pin::pin;
use std::sync::{Arc, RwLock};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use pact::repository::Backend;
use pact::repository::cache::{Cache, LocalStore, RedisStore};
use pact::sqlx;
use pact::{MemoryRepository, Repository, SqliteRepository};

#[derive(Debug, Clone, PartialEq, Repository, serde::Serialize, serde::Deserialize)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(unique)]
    pub email: String,
    #[repo(sortable)]
    pub name: String,
    pub active: bool,
}

fn user(n: i64) -> User {
    User {
        id: 0,
        email: format!("user{n}@example.com"),
        name: format!("User {n}"),
        active: true,
    }
}

/// The output of a future that is ready at its first poll.
fn ready<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("an in-process cache read is ready at once"),
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

/// The runtime the Redis and SQLite rows run on: `PACT_BENCH_RUNTIME=multi_thread` (the
/// default: what a service runs, two workers here) or `current_thread`.
fn io_runtime() -> (tokio::runtime::Runtime, bool) {
    let flavor = std::env::var("PACT_BENCH_RUNTIME").unwrap_or_else(|_| "multi_thread".into());
    match flavor.as_str() {
        "multi_thread" => (
            tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .expect("a runtime"),
            true,
        ),
        "current_thread" => (runtime(), false),
        other => panic!("PACT_BENCH_RUNTIME=multi_thread|current_thread, not {other}"),
    }
}

/// `find_by_id(id)` through `users`, as a service calls it: on the multi-thread runtime, from
/// a task on a worker (one task runs a sample's calls in a loop and times them, so neither
/// spawning nor `block_on` is counted); on the current-thread runtime, `block_on` per call.
fn bench_find(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    (rt, multi_thread): &(tokio::runtime::Runtime, bool),
    users: &Arc<dyn UserRepository>,
    id: i64,
) {
    if *multi_thread {
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let users = Arc::clone(users);
                rt.block_on(rt.spawn(async move {
                    let start = Instant::now();
                    for _ in 0..iters {
                        black_box(users.find_by_id(black_box(id)).await.unwrap());
                    }
                    start.elapsed()
                }))
                .expect("the calls' task")
            });
        });
    } else {
        group.bench_function(name, |b| {
            b.iter(|| {
                rt.block_on(async { black_box(users.find_by_id(black_box(id)).await.unwrap()) })
            });
        });
    }
}

fn cached(rt: &tokio::runtime::Runtime, cache: &Cache) -> (Arc<dyn UserRepository>, i64) {
    let users = cache.wrap::<User>(Arc::new(MemoryRepository::<User>::new()));
    let id = rt.block_on(async {
        for n in 0..100 {
            users.insert(user(n)).await.unwrap();
        }
        let id = users.insert(user(100)).await.unwrap().id;
        // Warm.
        assert!(users.find_by_id(id).await.unwrap().is_some());
        id
    });
    (users, id)
}

/// One plain `GET key` on `connection`, timed as [`bench_find`] times a call (a loop in one
/// task on the multi-thread runtime, `block_on` per call on the current-thread one): the floor
/// of any Redis hit (one round trip, no decode), so the ratio `redis` / `redis_round_trip`
/// shows pact's own overhead (the key, the generation check, the decode and the clone, the
/// trait object and the timeout).
fn bench_round_trip(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    (rt, multi_thread): &(tokio::runtime::Runtime, bool),
    connection: &redis::aio::ConnectionManager,
    key: &str,
) {
    let command = Arc::new({
        let mut command = redis::cmd("GET");
        command.arg(key);
        command
    });
    if *multi_thread {
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut connection = connection.clone();
                let command = Arc::clone(&command);
                rt.block_on(rt.spawn(async move {
                    let start = Instant::now();
                    for _ in 0..iters {
                        black_box(
                            connection
                                .send_packed_command(black_box(&command))
                                .await
                                .unwrap(),
                        );
                    }
                    start.elapsed()
                }))
                .expect("the calls' task")
            });
        });
    } else {
        let mut connection = connection.clone();
        group.bench_function(name, |b| {
            b.iter(|| {
                rt.block_on(async {
                    black_box(
                        connection
                            .send_packed_command(black_box(&command))
                            .await
                            .unwrap(),
                    )
                })
            });
        });
    }
}

/// A `ConnectionManager` on `url` configured as `RedisStore`'s (no response timer of its own),
/// connected, with `key` set to a small value (expiring in an hour).
fn round_trip_connection(
    rt: &tokio::runtime::Runtime,
    url: &str,
    key: &str,
) -> redis::aio::ConnectionManager {
    rt.block_on(async {
        let client = redis::Client::open(url).expect("a Redis URL");
        let config = redis::aio::ConnectionManagerConfig::new()
            .set_connection_timeout(Some(Duration::from_secs(1)))
            .set_response_timeout(None);
        let mut connection = redis::aio::ConnectionManager::new_with_config(client, config)
            .await
            .expect("a Redis connection");
        let () = redis::cmd("SET")
            .arg(key)
            .arg("user101@example.com User 101")
            .arg("EX")
            .arg(3600)
            .query_async(&mut connection)
            .await
            .expect("SET");
        connection
    })
}

/// `PACT_BENCH_CALLS=bare_map|local|redis:n` makes `n` calls of one contender after the same
/// setup and exits, for instruction counts: `valgrind --tool=callgrind
/// --toggle-collect='cache::*_calls'` counts only the calls' loop (`bare_map_calls`,
/// `local_calls` or `redis_calls`), so the setup (whose count varies from run to run) is left
/// out; divided by `n`, it is one call (`benches/cache_instructions.sh`). `redis` needs
/// `PACT_TEST_REDIS_URL` and counts this process's side of a hit only (the client, on a
/// current-thread runtime so that the connection's task runs inside the loop too), not the
/// server's nor the kernel's.
fn calls(spec: &str) {
    let (contender, n) = spec
        .split_once(':')
        .unwrap_or_else(|| panic!("PACT_BENCH_CALLS=bare_map|local|redis:n, not {spec}"));
    let n: usize = n.parse().expect("a count");
    let rt = runtime();
    let map = bare_map();
    let local = Cache::new(LocalStore::new(64 << 20)).namespace("bench");
    let (users, id) = cached(&rt, &local);
    match contender {
        "bare_map" => bare_map_calls(&map, n),
        "local" => local_calls(&users, id, n),
        "redis" => {
            let url = std::env::var("PACT_TEST_REDIS_URL").expect("PACT_TEST_REDIS_URL");
            let namespace = format!("bench{}", std::process::id());
            let redis = rt.block_on(async {
                Cache::new(RedisStore::with_timeout(&url, Duration::from_secs(1)).unwrap())
                    .namespace(&namespace)
            });
            let (users, id) = cached(&rt, &redis);
            redis_calls(&rt, &users, id, n);
        }
        other => panic!("no contender {other}"),
    }
}

#[inline(never)]
fn redis_calls(rt: &tokio::runtime::Runtime, users: &Arc<dyn UserRepository>, id: i64, n: usize) {
    for _ in 0..n {
        rt.block_on(async { black_box(users.find_by_id(black_box(id)).await.unwrap()) });
    }
}

#[inline(never)]
fn bare_map_calls(map: &RwLock<HashMap<i64, User>>, n: usize) {
    for _ in 0..n {
        black_box(map.read().unwrap().get(&black_box(101)).cloned());
    }
}

#[inline(never)]
fn local_calls(users: &Arc<dyn UserRepository>, id: i64, n: usize) {
    for _ in 0..n {
        black_box(ready(users.find_by_id(black_box(id))).unwrap());
    }
}

fn bare_map() -> RwLock<HashMap<i64, User>> {
    RwLock::new(
        (0..=100)
            .map(|n| {
                let mut u = user(n);
                u.id = n + 1;
                (u.id, u)
            })
            .collect(),
    )
}

/// The open `/dev/cpu_dma_latency` holding a 0 µs request while the bench runs (the request
/// ends when the file closes), or `None`, with the reason printed.
fn hold_wake_up_latency() -> Option<std::fs::File> {
    use std::io::Write;
    if std::env::var_os("PACT_BENCH_IDLE").is_some() {
        eprintln!("PACT_BENCH_IDLE is set: vCPUs may halt between round trips");
        return None;
    }
    let opened = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/cpu_dma_latency")
        .and_then(|mut file| file.write_all(&0_i32.to_ne_bytes()).map(|()| file));
    match opened {
        Ok(file) => {
            eprintln!(
                "holding /dev/cpu_dma_latency at 0 us for this run (PACT_BENCH_IDLE=1: without)"
            );
            Some(file)
        }
        Err(error) => {
            eprintln!(
                "not holding /dev/cpu_dma_latency ({error}): vCPUs may halt between round trips"
            );
            None
        }
    }
}

fn find_by_id(c: &mut Criterion) {
    let _latency = hold_wake_up_latency();
    if let Ok(spec) = std::env::var("PACT_BENCH_CALLS") {
        calls(&spec);
        std::process::exit(0);
    }
    let rt = runtime();
    let mut group = c.benchmark_group("cache_find_by_id");
    group
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1));

    let map = bare_map();
    group.bench_function("bare_map", |b| {
        b.iter(|| black_box(map.read().unwrap().get(&black_box(101)).cloned()));
    });

    let local = Cache::new(LocalStore::new(64 << 20)).namespace("bench");
    let (users, id) = cached(&rt, &local);
    let io = io_runtime();
    group.bench_function("local", |b| {
        b.iter(|| black_box(ready(users.find_by_id(black_box(id))).unwrap()));
    });

    if let Ok(url) = std::env::var("PACT_TEST_REDIS_URL") {
        let namespace = format!("bench{}", std::process::id());
        let redis = io.0.block_on(async {
            Cache::new(RedisStore::with_timeout(&url, Duration::from_secs(1)).unwrap())
                .namespace(&namespace)
        });
        let (users, id) = cached(&io.0, &redis);
        bench_find(&mut group, "redis", &io, &users, id);
        let key = format!("{namespace}:round_trip");
        let connection = round_trip_connection(&io.0, &url, &key);
        bench_round_trip(&mut group, "redis_round_trip", &io, &connection, &key);
    } else {
        eprintln!("skipped redis: PACT_TEST_REDIS_URL is not set");
        eprintln!("skipped redis_round_trip: PACT_TEST_REDIS_URL is not set");
    }

    let path = std::env::temp_dir().join(format!("pact-bench-cache-{}.db", std::process::id()));
    let users: Arc<dyn UserRepository> = io.0.block_on(async {
        let options = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true)
            .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal);
        let pool = sqlx::sqlite::SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .unwrap();
        let repo = SqliteRepository::<User>::new(pool);
        repo.create_table().await.unwrap();
        for n in 0..=100 {
            repo.insert(user(n)).await.unwrap();
        }
        Arc::new(repo)
    });
    bench_find(&mut group, "sqlite_file", &io, &users, 101);
    group.finish();
    drop(users);
    for suffix in ["", "-wal", "-shm"] {
        let mut file = path.clone().into_os_string();
        file.push(suffix);
        let _ = std::fs::remove_file(file);
    }
}

criterion_group!(benches, find_by_id);
criterion_main!(benches);
