//! The cached decorator (`Cached<E>`, features `cache` and `redis`): the repository behaviour
//! suite of `tests/repository` through it (`LocalStore` over memory and SQLite, Redis over memory),
//! single-flight against a counting repository, staleness (writes, TTLs, races, units of
//! work), several instances on one Redis, and Redis outages.
//!
//! Redis comes from `PACT_TEST_REDIS_URL` (see DEVELOPERS.md); without it the Redis tests
//! print why they skip. Every test uses its own key namespace, so runs never collide.

#![deny(warnings, clippy::pedantic)]

#[path = "../repository/backends.rs"]
#[allow(dead_code)]
mod backends;
#[path = "../repository/batch_reads.rs"]
mod batch_reads;
#[path = "../repository/contention.rs"]
mod contention;
#[path = "../repository/hostile.rs"]
mod hostile;
#[path = "../repository/keyset.rs"]
mod keyset;
#[path = "../repository/lifecycle.rs"]
#[allow(dead_code)] // its scenarios run on the store's repositories, not through the cache
mod lifecycle;
#[path = "../repository/model.rs"]
#[allow(dead_code)]
mod model;
#[path = "../repository/suite.rs"]
#[allow(dead_code, unused_imports)] // the lifecycle scenarios run on the store, not cached
#[macro_use]
mod suite;
#[path = "../repository/values.rs"]
mod values;
#[path = "../repository/versioning.rs"]
mod versioning;
#[path = "../repository/wide.rs"]
#[allow(dead_code)] // its scenario runs on the store's repositories, not through the cache
mod wide;

mod counting;
mod outage;
mod setup;
mod shared;
mod staleness;
mod stampede;
mod units;

/// Runs each scenario of the suite against each cached backend as its own test:
/// `suite_local_memory::crud`, `suite_local_sqlite::crud`, `suite_redis_memory::crud`.
macro_rules! against_every_cached_backend {
    ($($scenario:ident),* $(,)?) => {
        mod suite_local_memory {
            $(
                #[tokio::test]
                async fn $scenario() {
                    let backend = crate::setup::cached(crate::backends::Backend::memory(), crate::setup::local());
                    crate::suite::$scenario(&backend).await;
                }
            )*
        }
        mod suite_local_sqlite {
            $(
                #[tokio::test]
                async fn $scenario() {
                    let backend = crate::backends::Backend::sqlite().await;
                    let backend = crate::setup::cached(backend, crate::setup::local());
                    crate::suite::$scenario(&backend).await;
                }
            )*
        }
        mod suite_redis_memory {
            $(
                #[tokio::test]
                async fn $scenario() {
                    let Some(cache) = crate::setup::redis() else { return };
                    let backend = crate::setup::cached(crate::backends::Backend::memory(), cache);
                    crate::suite::$scenario(&backend).await;
                }
            )*
        }
    };
}

every_repository_scenario!(against_every_cached_backend);
