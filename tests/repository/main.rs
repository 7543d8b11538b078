//! One behaviour suite, written once, run against every implementation of the generated
//! repository traits: memory, SQLite, PostgreSQL and MySQL/MariaDB.
//!
//! PostgreSQL and MySQL come from `PACT_TEST_POSTGRES_URL` and `PACT_TEST_MYSQL_URL` (see
//! DEVELOPERS.md); without them those tests print why they skip. Each test runs in its own
//! schema (PostgreSQL) or database (MySQL), so runs never collide.

#![deny(warnings, clippy::pedantic)]

mod backends;
mod batch_reads;
mod contention;
mod hostile;
mod keyset;
mod lifecycle;
mod model;
#[macro_use]
mod suite;
mod units;
mod values;
mod versioning;
mod wide;

/// Runs each scenario against each backend as its own test: `memory::crud`, `sqlite::crud`, ...
macro_rules! against_every_backend {
    ($($scenario:ident),* $(,)?) => {
        mod memory {
            $(
                #[tokio::test]
                async fn $scenario() {
                    let backend = crate::backends::Backend::memory();
                    crate::suite::$scenario(&backend).await;
                }
            )*
        }
        mod sqlite {
            $(
                #[tokio::test]
                async fn $scenario() {
                    let backend = crate::backends::Backend::sqlite().await;
                    crate::suite::$scenario(&backend).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $scenario() {
                    let Some(backend) = crate::backends::Backend::postgres().await else { return };
                    crate::suite::$scenario(&backend).await;
                    backend.cleanup().await;
                }
            )*
        }
        mod mysql {
            $(
                #[tokio::test]
                async fn $scenario() {
                    let Some(backend) = crate::backends::Backend::mysql().await else { return };
                    crate::suite::$scenario(&backend).await;
                    backend.cleanup().await;
                }
            )*
        }
    };
}

// The suite's scenarios, then those that take their repositories from the backend's store
// (timestamps, soft delete and upserts on entities of their own).
every_repository_scenario!(
    against_every_backend,
    timestamps_are_set_on_insert_and_kept_on_update,
    time_types_are_stamped_and_soft_deleted,
    a_soft_deleted_row_is_hidden_from_every_read,
    restore_and_reads_with_deleted_rows,
    purge_removes_live_and_deleted_rows,
    a_soft_deleted_row_keeps_its_unique_values,
    a_failed_unit_undoes_its_soft_delete,
    upsert_by_id_inserts_then_updates,
    upsert_by_a_unique_field_keeps_the_id_and_counts_versions,
    an_upsert_that_conflicts_on_another_unique_field_is_409,
    an_upsert_restores_a_soft_deleted_row,
    upserts_inside_a_failed_unit_leave_nothing,
    an_entity_wider_than_one_row_tuple_round_trips,
);

/// Runs a unit-of-work scenario on the backend's store, whichever its database type.
macro_rules! on_store {
    ($backend:expr, $scenario:ident) => {
        match &$backend.units {
            crate::backends::Units::Memory(store) | crate::backends::Units::Sqlite(store) => {
                crate::units::$scenario(store).await
            }
            crate::backends::Units::Postgres(store) => crate::units::$scenario(store).await,
            crate::backends::Units::MySql(store) => crate::units::$scenario(store).await,
        }
    };
}

/// The unit-of-work scenarios on every backend: `unit_of_work::memory::...`, ...; SQLite runs them on
/// a file database in WAL mode with several connections, as a service would.
macro_rules! units_against_every_backend {
    ($($scenario:ident),* $(,)?) => {
        mod unit_of_work {
            mod memory {
                $(
                    #[tokio::test]
                    async fn $scenario() {
                        let backend = crate::backends::Backend::memory();
                        on_store!(backend, $scenario);
                    }
                )*
            }
            mod sqlite {
                $(
                    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                    async fn $scenario() {
                        let backend = crate::backends::Backend::sqlite_file().await;
                        on_store!(backend, $scenario);
                        backend.cleanup().await;
                    }
                )*
            }
            mod postgres {
                $(
                    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                    async fn $scenario() {
                        let Some(backend) = crate::backends::Backend::postgres().await else { return };
                        on_store!(backend, $scenario);
                        backend.cleanup().await;
                    }
                )*
            }
            mod mysql {
                $(
                    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                    async fn $scenario() {
                        let Some(backend) = crate::backends::Backend::mysql().await else { return };
                        on_store!(backend, $scenario);
                        backend.cleanup().await;
                    }
                )*
            }
        }
    };
}

units_against_every_backend!(
    a_unit_that_fails_at_its_last_step_leaves_no_row,
    a_panic_inside_a_unit_rolls_it_back,
    a_dropped_unit_rolls_back,
    reads_inside_a_unit_see_its_own_writes,
    concurrent_transfers_lose_no_update,
    a_failed_nested_unit_is_undone_in_its_savepoint,
    eight_concurrent_units,
    a_repository_that_outlives_its_unit_writes_nothing,
    store_transaction_inside_a_unit_is_refused,
);

#[tokio::test]
async fn memory_units_run_again_after_an_outside_write() {
    units::memory_units_run_again_after_an_outside_write().await;
}
