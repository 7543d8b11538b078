//! Units of work across repositories: [`Store`] (memory or a SQL pool) runs
//! [`transaction`](Store::transaction), whose [`UnitOfWork`] hands out transaction-bound
//! `dyn` repositories ([`UnitRepository`]).

mod nesting;

use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};

use self::nesting::{StoreId, in_unit};
use super::BoxFuture;

use super::memory::{MemoryStore, MemoryUnit};
#[cfg(feature = "_sqlx")]
use super::sql::{MAX_ATTEMPTS, back_off};
use super::sql::{Savepoint, SqlBackend, SqlExecutor};
use super::{MemoryRepository, RepoError, SqlRepository};

/// Without a SQL feature no backend exists, so no SQL unit runs.
#[cfg(not(feature = "_sqlx"))]
const MAX_ATTEMPTS: usize = 1;

#[cfg(not(feature = "_sqlx"))]
#[allow(clippy::unused_async)] // the same shape as the SQL back-off
async fn back_off(_: usize) {}

/// An entity whose generated repository trait a [`Store`] and a [`UnitOfWork`] hand out as
/// `Arc<dyn UserRepository>` ([`Entity::Dyn`](super::Entity::Dyn)): every entity, on every
/// backend its types support.
///
/// ```
/// # #[cfg(feature = "sqlite")] {
/// use pact_core::repository::UnitRepository;
///
/// // `User: UnitRepository<sqlx::Sqlite>` for a derived `User`, whose `Dyn` is
/// // `dyn UserRepository`.
/// fn on_sqlite<E: UnitRepository<sqlx::Sqlite>>() {}
/// # }
/// ```
pub trait UnitRepository<DB: SqlBackend>: super::Entity {
    /// The memory repository behind the trait.
    fn memory(repository: MemoryRepository<Self>) -> Arc<Self::Dyn>;

    /// The SQL repository behind the trait.
    fn sql(repository: SqlRepository<DB, Self>) -> Arc<Self::Dyn>;
}

impl<DB, E> UnitRepository<DB> for E
where
    DB: SqlBackend,
    E: super::Entity,
    MemoryRepository<E>: super::Backend<E>,
    SqlRepository<DB, E>: super::Backend<E>,
{
    fn memory(repository: MemoryRepository<Self>) -> Arc<Self::Dyn> {
        E::into_dyn(repository)
    }

    fn sql(repository: SqlRepository<DB, Self>) -> Arc<Self::Dyn> {
        E::into_dyn(repository)
    }
}

/// Where a service's repositories live: one [`MemoryStore`] (unit tests) or one SQL pool
/// (production), behind the same calls. `repository::<User>()` gives the generated
/// `Arc<dyn UserRepository>`; [`transaction`](Self::transaction) runs a unit of work.
///
/// ```
/// # #[cfg(feature = "sqlite")] {
/// use pact_core::repository::{Store, UnitRepository};
///
/// // The service names only the store and the generated traits; tests pass
/// // `Store::memory()`, production `Store::sql(pool)`.
/// struct Accounts<DB: pact_core::repository::SqlBackend> {
///     store: Store<DB>,
/// }
/// let accounts = Accounts::<sqlx::Sqlite> { store: Store::memory() };
/// assert!(accounts.store.pool().is_none());
/// # }
/// ```
pub struct Store<DB: SqlBackend> {
    kind: Kind<DB>,
    id: StoreId,
}

enum Kind<DB: SqlBackend> {
    Memory(MemoryStore),
    Sql(DB::Pool),
}

impl<DB: SqlBackend> Clone for Store<DB> {
    fn clone(&self) -> Self {
        let kind = match &self.kind {
            Kind::Memory(store) => Kind::Memory(store.clone()),
            Kind::Sql(pool) => Kind::Sql(pool.clone()),
        };
        Self {
            kind,
            id: self.id.clone(),
        }
    }
}

impl<DB: SqlBackend> std::fmt::Debug for Store<DB> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let backend = match &self.kind {
            Kind::Memory(_) => "memory",
            Kind::Sql(_) => "sql",
        };
        f.debug_struct("Store")
            .field("backend", &backend)
            .finish_non_exhaustive()
    }
}

impl<DB: SqlBackend> Store<DB> {
    /// A store in memory: one table per entity, in one [`MemoryStore`].
    #[must_use]
    pub fn memory() -> Self {
        Self::from_memory(MemoryStore::new())
    }

    /// A store on this memory store's tables.
    #[must_use]
    pub fn from_memory(store: MemoryStore) -> Self {
        Self {
            kind: Kind::Memory(store),
            id: StoreId::default(),
        }
    }

    /// A store on a SQL pool. For SQLite file databases open the pool in WAL mode with a
    /// busy timeout (see `docs/repository.md`, "Units of work").
    #[must_use]
    pub fn sql(pool: DB::Pool) -> Self {
        Self {
            kind: Kind::Sql(pool),
            id: StoreId::default(),
        }
    }

    /// The pool, for a SQL store.
    #[must_use]
    pub fn pool(&self) -> Option<&DB::Pool> {
        match &self.kind {
            Kind::Sql(pool) => Some(pool),
            Kind::Memory(_) => None,
        }
    }

    /// The repository of `E` outside any unit: each call is its own statement (or, in memory,
    /// its own atomic step).
    #[must_use]
    pub fn repository<E: UnitRepository<DB>>(&self) -> Arc<E::Dyn> {
        match &self.kind {
            Kind::Memory(store) => E::memory(store.repository::<E>()),
            Kind::Sql(pool) => E::sql(SqlRepository::new(pool.clone())),
        }
    }

    /// Runs `work` as one unit of work, and commits it when `work` returns `Ok`. On `Err`,
    /// on a panic inside `work`, or when this future is dropped before it completes, nothing
    /// `work` wrote remains.
    ///
    /// `work` gets a [`UnitOfWork`], whose repositories run on the unit's transaction (on
    /// memory: the unit's copies of the tables). It may run more than once: when the database
    /// rolled the unit back for a deadlock or a serialization failure (or, in memory, when a
    /// table it read was written outside any unit), the unit runs again, a few times, before
    /// it answers [`RepoError::Busy`]. Keep side effects other than repository calls out of
    /// `work`, or make them idempotent.
    ///
    /// Isolation: SQLite units take the write lock at `BEGIN IMMEDIATE` and run one at a
    /// time; PostgreSQL and MySQL units run `SERIALIZABLE`; memory units run one at a time.
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")] {
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// use pact_core::repository::{RepoError, Store};
    ///
    /// let store = Store::<sqlx::Sqlite>::memory();
    /// let answer = store
    ///     .transaction(|unit| async move {
    ///         // let users = unit.repository::<User>();  // Arc<dyn UserRepository>
    ///         // users.insert(...).await?;
    ///         let _ = unit;
    ///         Ok::<_, RepoError>(42)
    ///     })
    ///     .await;
    /// assert_eq!(answer.unwrap(), 42);
    /// # });
    /// # }
    /// ```
    ///
    /// # Errors
    /// What `work` returned; [`RepoError::Busy`] after too many runs; [`RepoError::Backend`]
    /// when the transaction cannot begin or commit, or when it is called inside a unit of
    /// this store (or a clone of it): that would wait for the outer unit forever, so it is
    /// refused at once. Nest with [`UnitOfWork::transaction`] (a savepoint) instead.
    pub async fn transaction<T, Err, F, Fut>(&self, mut work: F) -> Result<T, Err>
    where
        F: FnMut(UnitOfWork<DB>) -> Fut,
        Fut: Future<Output = Result<T, Err>>,
        Err: From<RepoError>,
    {
        if self.id.is_polling() {
            return Err(RepoError::backend(NESTED).into());
        }
        let hooks = CommitHooks::default();
        let result = match &self.kind {
            Kind::Memory(store) => {
                store
                    .transaction(|unit| {
                        // A unit that runs again starts with no hooks of the attempt before.
                        hooks.clear();
                        in_unit(
                            &self.id,
                            work(UnitOfWork {
                                kind: UnitKind::Memory(unit),
                                hooks: hooks.clone(),
                            }),
                        )
                    })
                    .await
            }
            Kind::Sql(pool) => sql_transaction(pool, &self.id, &hooks, work).await,
        };
        if result.is_ok() {
            hooks.run().await;
        }
        result
    }
}

/// What runs once a unit of work has committed ([`UnitOfWork::on_commit`]), in the order it
/// was registered; a unit that rolls back drops it unrun.
#[derive(Clone, Default)]
pub(crate) struct CommitHooks(Arc<Mutex<Vec<BoxFuture<'static, ()>>>>);

impl CommitHooks {
    pub(crate) fn push(&self, hook: BoxFuture<'static, ()>) {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(hook);
    }

    fn clear(&self) {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }

    async fn run(&self) {
        let hooks = std::mem::take(&mut *self.0.lock().unwrap_or_else(PoisonError::into_inner));
        for hook in hooks {
            hook.await;
        }
    }
}

/// Rolls the unit back if the future running it is dropped, or unwinds, before it ends.
struct Abandon<'a, DB: SqlBackend>(&'a DB::Unit);

impl<DB: SqlBackend> Drop for Abandon<'_, DB> {
    fn drop(&mut self) {
        DB::abandon(self.0);
    }
}

fn busy() -> RepoError {
    RepoError::Busy {
        entity: "unit of work",
        retry_after_secs: 1,
    }
}

/// Why `store.transaction` inside a unit of the same store is refused (it would wait for the
/// outer unit forever: in memory for its lock, on SQL for a second connection or the write lock).
const NESTED: &str = "`Store::transaction` was called inside a unit of work of the same store; nest with `unit.transaction(..)` (a savepoint) instead";

async fn sql_transaction<DB, T, Err, F, Fut>(
    pool: &DB::Pool,
    id: &StoreId,
    hooks: &CommitHooks,
    mut work: F,
) -> Result<T, Err>
where
    DB: SqlBackend,
    F: FnMut(UnitOfWork<DB>) -> Fut,
    Fut: Future<Output = Result<T, Err>>,
    Err: From<RepoError>,
{
    let mut attempt = 1;
    loop {
        let unit = Arc::new(DB::begin(pool).await?);
        let abandon = Abandon::<DB>(&unit);
        hooks.clear();
        let result = in_unit(
            id,
            work(UnitOfWork {
                kind: UnitKind::Sql(SqlExecutor {
                    pool: pool.clone(),
                    unit: Some(Arc::clone(&unit)),
                }),
                hooks: hooks.clone(),
            }),
        )
        .await;
        // Set when a statement hit a deadlock or a serialization failure: the database has
        // rolled the transaction back (or will refuse its commit), even if `work` went on.
        let rolled_back = DB::take_retry(&unit);
        let last = attempt >= MAX_ATTEMPTS;
        match result {
            Ok(value) if !rolled_back => match DB::finish(&unit, true).await {
                Ok(()) => return Ok(value),
                Err(err) if last || !DB::take_retry(&unit) => return Err(err.into()),
                Err(_) => {}
            },
            Ok(_) => {
                let _ = DB::finish(&unit, false).await;
                if last {
                    return Err(busy().into());
                }
            }
            Err(err) => {
                let _ = DB::finish(&unit, false).await;
                if last || !rolled_back {
                    return Err(err);
                }
            }
        }
        drop(abandon);
        back_off(attempt).await;
        attempt += 1;
    }
}

/// One unit of work: [`repository`](Self::repository) gives a repository bound to the unit
/// (its reads see the unit's writes; nobody else sees them before the commit), and
/// [`transaction`](Self::transaction) nests a unit in a savepoint. Clones share the unit.
///
/// Repositories taken from a unit must not outlive it; on SQL they answer
/// [`RepoError::Backend`] once the unit has ended.
///
/// ```
/// # #[cfg(feature = "sqlite")] {
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// use pact_core::repository::{RepoError, Store};
///
/// let store = Store::<sqlx::Sqlite>::memory();
/// let inner: Result<(), RepoError> = store
///     .transaction(|unit| async move {
///         // A failed nested unit is undone; the outer one goes on.
///         let failed = unit
///             .transaction(|_inner| async { Err::<(), _>(RepoError::backend("no")) })
///             .await;
///         assert!(failed.is_err());
///         Ok(())
///     })
///     .await;
/// assert!(inner.is_ok());
/// # });
/// # }
/// ```
pub struct UnitOfWork<DB: SqlBackend> {
    kind: UnitKind<DB>,
    hooks: CommitHooks,
}

enum UnitKind<DB: SqlBackend> {
    Memory(MemoryUnit),
    Sql(SqlExecutor<DB>),
}

impl<DB: SqlBackend> Clone for UnitOfWork<DB> {
    fn clone(&self) -> Self {
        let kind = match &self.kind {
            UnitKind::Memory(unit) => UnitKind::Memory(unit.clone()),
            UnitKind::Sql(exec) => UnitKind::Sql(exec.clone()),
        };
        Self {
            kind,
            hooks: self.hooks.clone(),
        }
    }
}

impl<DB: SqlBackend> std::fmt::Debug for UnitOfWork<DB> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UnitOfWork").finish_non_exhaustive()
    }
}

impl<DB: SqlBackend> UnitOfWork<DB> {
    /// Runs `hook` once the outermost unit has committed (after the database's `COMMIT`, or
    /// memory's), in the order hooks were registered; when the unit rolls back, or runs again
    /// after a deadlock, the hook is dropped unrun. A hook registered in a nested unit whose
    /// savepoint is rolled back still runs if the outer unit commits, so hooks should be
    /// idempotent and harmless to run too often, such as cache invalidations (what
    /// [`Cached`](crate::repository::cache) registers).
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")] {
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// use std::sync::Arc;
    /// use std::sync::atomic::{AtomicU32, Ordering};
    /// use pact_core::repository::{RepoError, Store};
    ///
    /// let store = Store::<sqlx::Sqlite>::memory();
    /// let ran = Arc::new(AtomicU32::new(0));
    /// let count = Arc::clone(&ran);
    /// store
    ///     .transaction(move |unit| {
    ///         let count = Arc::clone(&count);
    ///         async move {
    ///             unit.on_commit(async move {
    ///                 count.fetch_add(1, Ordering::SeqCst);
    ///             });
    ///             Ok::<_, RepoError>(())
    ///         }
    ///     })
    ///     .await
    ///     .unwrap();
    /// assert_eq!(ran.load(Ordering::SeqCst), 1);
    ///
    /// // A unit that fails drops its hooks.
    /// let count = Arc::clone(&ran);
    /// let failed: Result<(), RepoError> = store
    ///     .transaction(move |unit| {
    ///         let count = Arc::clone(&count);
    ///         async move {
    ///             unit.on_commit(async move {
    ///                 count.fetch_add(1, Ordering::SeqCst);
    ///             });
    ///             Err(RepoError::backend("no"))
    ///         }
    ///     })
    ///     .await;
    /// assert!(failed.is_err());
    /// assert_eq!(ran.load(Ordering::SeqCst), 1);
    /// # });
    /// # }
    /// ```
    pub fn on_commit(&self, hook: impl Future<Output = ()> + Send + 'static) {
        self.hooks.push(Box::pin(hook));
    }

    /// The unit's commit hooks, for a repository that registers one per write.
    #[cfg(feature = "_cache")]
    pub(crate) fn commit_hooks(&self) -> CommitHooks {
        self.hooks.clone()
    }

    /// The repository of `E`, bound to this unit.
    #[must_use]
    pub fn repository<E: UnitRepository<DB>>(&self) -> Arc<E::Dyn> {
        match &self.kind {
            UnitKind::Memory(unit) => E::memory(unit.repository::<E>()),
            UnitKind::Sql(exec) => E::sql(SqlRepository::on(exec.clone())),
        }
    }

    /// Runs `work` as a nested unit in a savepoint of this one (on the same transaction,
    /// never another connection): when `work` returns `Err` its writes are undone and this
    /// unit goes on without them; when it returns `Ok` they stay part of this unit, and
    /// commit or roll back with it.
    ///
    /// # Errors
    /// What `work` returned; [`RepoError::Backend`] when the savepoint cannot be opened or
    /// released.
    pub async fn transaction<T, Err, F, Fut>(&self, work: F) -> Result<T, Err>
    where
        F: FnOnce(UnitOfWork<DB>) -> Fut,
        Fut: Future<Output = Result<T, Err>>,
        Err: From<RepoError>,
    {
        match &self.kind {
            UnitKind::Memory(unit) => {
                unit.transaction(|unit| {
                    work(UnitOfWork {
                        kind: UnitKind::Memory(unit),
                        hooks: self.hooks.clone(),
                    })
                })
                .await
            }
            UnitKind::Sql(exec) => {
                let Some(unit) = &exec.unit else {
                    return Err(RepoError::backend("a unit of work without a transaction").into());
                };
                DB::savepoint(unit, Savepoint::Open).await?;
                match work(self.clone()).await {
                    Ok(value) => {
                        DB::savepoint(unit, Savepoint::Release).await?;
                        Ok(value)
                    }
                    Err(err) => {
                        DB::savepoint(unit, Savepoint::Rollback).await?;
                        Err(err)
                    }
                }
            }
        }
    }
}
