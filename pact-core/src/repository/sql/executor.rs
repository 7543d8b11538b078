//! [`SqlExecutor`]: where a [`SqlRepository`](super::SqlRepository) runs its statements, the
//! pool or one unit of work's transaction.

use std::sync::Arc;

use super::SqlBackend;

/// The pool a repository was built on and, for a repository a unit of work handed out, the
/// unit's transaction (shared by every repository of that unit: statements run on it one at
/// a time, in the order they are awaited). Repositories get one from
/// [`SqlRepository::new`](super::SqlRepository::new) (the pool) or from a
/// [`UnitOfWork`](crate::repository::UnitOfWork) (its transaction).
///
/// ```
/// # #[cfg(feature = "sqlite")] {
/// use pact_core::repository::SqlExecutor;
///
/// // Cloning shares the pool and, in a unit, its transaction.
/// fn share(exec: &SqlExecutor<sqlx::Sqlite>) -> SqlExecutor<sqlx::Sqlite> {
///     exec.clone()
/// }
/// # let _ = share;
/// # }
/// ```
pub struct SqlExecutor<DB: SqlBackend> {
    pub(crate) pool: DB::Pool,
    pub(crate) unit: Option<Arc<DB::Unit>>,
}

impl<DB: SqlBackend> Clone for SqlExecutor<DB> {
    fn clone(&self) -> Self {
        Self {
            pool: self.pool.clone(),
            unit: self.unit.clone(),
        }
    }
}

#[cfg(feature = "_sqlx")]
pub use unit::SqlUnit;

#[cfg(feature = "_sqlx")]
mod unit {
    use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

    use futures_util::lock::{Mutex, MutexGuard};

    use crate::repository::RepoError;

    /// One unit of work's transaction ([`SqlBackend::Unit`](crate::repository::SqlBackend)):
    /// taken out (committed or rolled back) when the unit ends, after which its repositories
    /// answer an error instead of reaching the pool.
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")] {
    /// use pact_core::repository::{SqlBackend, SqlUnit};
    ///
    /// fn unit_of(_: &<sqlx::Sqlite as SqlBackend>::Unit) -> &'static str { "a SqlUnit<Sqlite>" }
    /// # let _: fn(&SqlUnit<sqlx::Sqlite>) -> &'static str = unit_of;
    /// # }
    /// ```
    pub struct SqlUnit<DB: sqlx::Database> {
        tx: Mutex<Option<sqlx::Transaction<'static, DB>>>,
        /// A statement failed for a deadlock or a serialization failure: the database rolled
        /// the transaction back, and the whole unit runs again.
        retry: AtomicBool,
        /// How many savepoints are open (nested units).
        depth: AtomicU32,
    }

    impl<DB: sqlx::Database> SqlUnit<DB> {
        pub(crate) fn new(tx: sqlx::Transaction<'static, DB>) -> Self {
            Self {
                tx: Mutex::new(Some(tx)),
                retry: AtomicBool::new(false),
                depth: AtomicU32::new(0),
            }
        }

        /// The transaction, for one statement.
        pub(crate) async fn lock(&self) -> MutexGuard<'_, Option<sqlx::Transaction<'static, DB>>> {
            self.tx.lock().await
        }

        /// Takes the transaction out, to commit or roll it back.
        pub(crate) async fn take(&self) -> Option<sqlx::Transaction<'static, DB>> {
            self.tx.lock().await.take()
        }

        /// Drops the transaction (rolling it back) unless a statement holds it right now;
        /// then it goes when that statement's repository does.
        pub(crate) fn abandon(&self) {
            if let Some(mut tx) = self.tx.try_lock() {
                tx.take();
            }
        }

        pub(crate) fn mark_retry(&self) {
            self.retry.store(true, Ordering::Relaxed);
        }

        pub(crate) fn take_retry(&self) -> bool {
            self.retry.swap(false, Ordering::Relaxed)
        }

        /// Opens one more savepoint level and returns its number (from 1).
        pub(crate) fn enter(&self) -> u32 {
            self.depth.fetch_add(1, Ordering::Relaxed) + 1
        }

        /// The innermost open savepoint's number.
        pub(crate) fn depth(&self) -> u32 {
            self.depth.load(Ordering::Relaxed)
        }

        pub(crate) fn leave(&self) {
            self.depth.fetch_sub(1, Ordering::Relaxed);
        }
    }

    /// What a repository of a finished unit answers.
    pub(crate) fn finished() -> RepoError {
        RepoError::backend("this repository's unit of work has ended (committed or rolled back)")
    }
}

#[cfg(feature = "_sqlx")]
pub(crate) use unit::finished;
