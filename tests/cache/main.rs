//! The cached decorator (`Cached<E>`, features `cache` and `redis`): the repository behaviour
//! suite of `tests/repository` through it (moka over memory and SQLite, Redis over memory),
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
mod suite;
#[path = "../repository/values.rs"]
mod values;
#[path = "../repository/versioning.rs"]
mod versioning;

mod counting;
mod outage;
mod setup;
mod shared;
mod staleness;
mod stampede;
mod units;

/// Runs each scenario of the suite against each cached backend as its own test:
/// `suite_moka_memory::crud`, `suite_moka_sqlite::crud`, `suite_redis_memory::crud`.
macro_rules! against_every_cached_backend {
    ($($scenario:ident),* $(,)?) => {
        mod suite_moka_memory {
            $(
                #[tokio::test]
                async fn $scenario() {
                    let backend = crate::setup::cached(crate::backends::Backend::memory(), crate::setup::moka());
                    crate::suite::$scenario(&backend).await;
                }
            )*
        }
        mod suite_moka_sqlite {
            $(
                #[tokio::test]
                async fn $scenario() {
                    let backend = crate::backends::Backend::sqlite().await;
                    let backend = crate::setup::cached(backend, crate::setup::moka());
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

against_every_cached_backend!(
    insert_assigns_ids_and_round_trips,
    get_by_id_of_a_missing_row_is_not_found,
    unique_fields_conflict,
    find_by_unique_field,
    pages_are_counted_clamped_and_stable,
    sorts_by_whitelisted_fields_only,
    text_sorts_by_code_point_everywhere,
    indexed_finder_pages,
    update_replaces_the_row,
    delete_and_count,
    insert_many_is_all_or_nothing,
    string_ids_and_reserved_words,
    uuid_and_chrono_columns,
    concurrent_inserts,
    hostile_text_round_trips,
    hostile_sort_keys_are_rejected,
    trailing_spaces_are_significant,
    too_long_values_are_invalid,
    nul_in_text_is_invalid,
    non_finite_floats_are_invalid,
    long_names_still_name_the_field,
    colliding_batches_conflict,
    a_row_larger_than_the_server_accepts_is_too_large,
    insert_starts_at_version_one,
    update_checks_and_increments_the_version,
    a_stale_version_is_a_409_conflict,
    a_missing_row_stays_not_found,
    concurrent_updates_from_one_version_have_one_winner,
    find_by_ids_returns_the_stored_set,
    find_by_ids_of_text_ids,
    find_by_ids_of_a_long_list,
    keyset_pages_by_id_both_ways,
    keyset_pages_by_a_column_break_ties_by_id,
    keyset_pages_by_a_nullable_column,
    keyset_pages_end_without_next,
    hostile_cursors_are_invalid,
    keyset_pages_stay_stable_under_concurrent_inserts,
);
