//! [`MemoryStore`]: every entity's table in one place, and units of work on them
//! ([`MemoryUnit`]).
//!
//! A unit works on private copies of the tables it touches (made on first use), so its writes
//! are invisible outside until it commits, and a unit that fails, panics or is dropped leaves
//! nothing behind: its copies are dropped. Units of one store run one at a time (an async
//! lock, held for the whole unit). The commit locks every live table the unit copied, checks
//! that none was written since it was copied, and only then moves the copies in, while still
//! holding every lock: readers see all of a unit or none of it. A table written outside any
//! unit while a unit had copied it makes the commit fail; the unit then runs again.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use futures_util::lock::Mutex as AsyncMutex;

use super::{MemoryRepository, State};
use crate::repository::Entity;

/// Every entity's in-memory table, and the units of work that run on them.
///
/// `repository::<E>()` gives the one table of `E` (every call the same table); a
/// [`MemoryUnit`] gives the unit's view of it. [`Store::memory`](crate::repository::Store)
/// wraps one for services that also run on SQL.
///
/// ```
/// use pact_core::repository::MemoryStore;
/// # use pact_core::repository::{Column, Dialect, Entity, RepoError, Statements};
/// # #[derive(Clone, Debug, PartialEq)] struct Tag { id: i64, name: String }
/// # const S: Statements = Statements { create_table: &[], drop_table: "", select_by_id: "", select_all: "",
/// #     select_page: "", count: "", exists: "", insert: "", update: "", delete_by_id: "", finders: &[],
/// #     live: None, soft_delete: None, upserts: &[] };
/// # impl Entity for Tag {
/// #     type Id = i64;
/// #     type IdBound = i64;
/// #     type IdArg<'a> = i64;
/// #     type Value<'a> = std::convert::Infallible;
/// #     const NAME: &'static str = "Tag";
/// #     const TABLE: &'static str = "tags";
/// #     const COLUMNS: &'static [Column] = &[Column::new("id", "id").id().generated().ordered::<i64>(), Column::new("name", "name")];
/// #     fn id(&self) -> &i64 { &self.id }
/// #     fn set_generated_id(&mut self, id: i64) -> Result<(), RepoError> { self.id = id; Ok(()) }
/// #     fn statements(_: Dialect) -> &'static Statements { &S }
/// #     fn field(&self, c: usize) -> &dyn std::any::Any { match c { 0 => &self.id, 1 => &self.name, _ => &() } }
/// #     fn value_field<'v>(v: &'v Self::Value<'_>) -> (usize, pact_core::repository::FieldArg<'v>) { match *v {} }
/// #     type Row = (i64, String);
/// #     const INSERT_COLUMNS: &'static [usize] = &[1];
/// #     const UPDATE_COLUMNS: &'static [usize] = &[1, 0];
/// #     fn from_row((id, name): Self::Row) -> Self { Tag { id, name } }
/// #     type Dyn = dyn pact_core::repository::Backend<Self>;
/// #     fn into_dyn<R: pact_core::repository::Backend<Self> + 'static>(r: R) -> std::sync::Arc<Self::Dyn> { std::sync::Arc::new(r) }
/// # }
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let store = MemoryStore::new();
/// let failed: Result<(), RepoError> = store
///     .transaction(|unit| async move {
///         unit.repository::<Tag>().insert_row(Tag { id: 0, name: "rust".into() })?;
///         assert_eq!(unit.repository::<Tag>().len(), 1, "seen inside");
///         Err(RepoError::backend("the last step failed"))
///     })
///     .await;
/// assert!(failed.is_err());
/// assert!(store.repository::<Tag>().is_empty(), "nothing left behind");
/// # });
/// ```
#[derive(Clone, Default)]
pub struct MemoryStore {
    inner: Arc<Inner>,
}

#[derive(Default)]
struct Inner {
    /// `TypeId::of::<E>()` -> `MemoryRepository<E>`.
    tables: Mutex<HashMap<TypeId, Box<dyn Any + Send + Sync>>>,
    /// Held for the whole of each unit: units run one at a time.
    units: AsyncMutex<()>,
}

/// How many times a unit whose tables were written outside it runs before it fails as `Busy`.
const MAX_ATTEMPTS: usize = 8;

impl MemoryStore {
    /// An empty store.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The table of `E` (created empty on first use); every call gives the same table.
    #[must_use]
    pub fn repository<E: Entity>(&self) -> MemoryRepository<E> {
        let mut tables = self
            .inner
            .tables
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        tables
            .entry(TypeId::of::<E>())
            .or_insert_with(|| Box::new(MemoryRepository::<E>::new()))
            .downcast_ref::<MemoryRepository<E>>()
            .cloned()
            .unwrap_or_default()
    }

    /// Runs `work` as one unit of work: its writes commit together when it returns `Ok`, and
    /// none of them remain when it returns `Err`, panics, or is dropped before it completes.
    /// Units of one store run one at a time; `work` may run again (a fresh unit each time)
    /// when a table it copied was written outside any unit meanwhile, and after
    /// 8 such runs the unit fails as [`RepoError::Busy`](crate::RepoError).
    ///
    /// # Errors
    /// What `work` returned, or `Busy` as above.
    pub async fn transaction<T, Err, F, Fut>(&self, mut work: F) -> Result<T, Err>
    where
        F: FnMut(MemoryUnit) -> Fut,
        Fut: Future<Output = Result<T, Err>>,
        Err: From<crate::RepoError>,
    {
        let _serial = self.inner.units.lock().await;
        for _ in 0..MAX_ATTEMPTS {
            let unit = MemoryUnit::new(self.clone());
            let value = work(unit.clone()).await?;
            if unit.commit() {
                return Ok(value);
            }
        }
        Err(crate::RepoError::Busy {
            entity: "unit of work",
            retry_after_secs: 1,
        }
        .into())
    }
}

impl fmt::Debug for MemoryStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MemoryStore").finish_non_exhaustive()
    }
}

/// One unit of work on a [`MemoryStore`]: `repository::<E>()` is the unit's copy of the table
/// of `E`, which sees the unit's own writes; the store's table sees them after the commit.
///
/// A repository taken from a unit must not outlive it: after the unit ends, its writes go to
/// a copy nobody commits (the SQL backends answer an error instead).
///
/// ```
/// use pact_core::repository::MemoryStore;
/// # use pact_core::repository::{Column, Dialect, Entity, RepoError, Statements};
/// # #[derive(Clone, Debug, PartialEq)] struct Tag { id: i64 }
/// # const S: Statements = Statements { create_table: &[], drop_table: "", select_by_id: "", select_all: "",
/// #     select_page: "", count: "", exists: "", insert: "", update: "", delete_by_id: "", finders: &[],
/// #     live: None, soft_delete: None, upserts: &[] };
/// # impl Entity for Tag {
/// #     type Id = i64;
/// #     type IdBound = i64;
/// #     type IdArg<'a> = i64;
/// #     type Value<'a> = std::convert::Infallible;
/// #     const NAME: &'static str = "Tag";
/// #     const TABLE: &'static str = "tags";
/// #     const COLUMNS: &'static [Column] = &[Column::new("id", "id").id().generated().ordered::<i64>()];
/// #     fn id(&self) -> &i64 { &self.id }
/// #     fn set_generated_id(&mut self, id: i64) -> Result<(), RepoError> { self.id = id; Ok(()) }
/// #     fn statements(_: Dialect) -> &'static Statements { &S }
/// #     fn field(&self, c: usize) -> &dyn std::any::Any { match c { 0 => &self.id, _ => &() } }
/// #     fn value_field<'v>(v: &'v Self::Value<'_>) -> (usize, pact_core::repository::FieldArg<'v>) { match *v {} }
/// #     type Row = (i64,);
/// #     const INSERT_COLUMNS: &'static [usize] = &[];
/// #     const UPDATE_COLUMNS: &'static [usize] = &[0];
/// #     fn from_row((id,): Self::Row) -> Self { Tag { id } }
/// #     type Dyn = dyn pact_core::repository::Backend<Self>;
/// #     fn into_dyn<R: pact_core::repository::Backend<Self> + 'static>(r: R) -> std::sync::Arc<Self::Dyn> { std::sync::Arc::new(r) }
/// # }
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let store = MemoryStore::new();
/// store
///     .transaction(|unit| async move {
///         unit.repository::<Tag>().insert_row(Tag { id: 0 })?;
///         Ok::<_, RepoError>(())
///     })
///     .await
///     .unwrap();
/// assert_eq!(store.repository::<Tag>().len(), 1);
/// # });
/// ```
#[derive(Clone)]
pub struct MemoryUnit {
    store: MemoryStore,
    copies: Arc<Mutex<Copies>>,
}

/// The tables a unit copied, in the order it first used them.
type Copies = Vec<(TypeId, Box<dyn Copied>)>;

impl fmt::Debug for MemoryUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MemoryUnit").finish_non_exhaustive()
    }
}

impl MemoryUnit {
    fn new(store: MemoryStore) -> Self {
        Self {
            store,
            copies: Arc::default(),
        }
    }

    /// The unit's copy of the table of `E` (made on first use; every call the same copy).
    #[must_use]
    pub fn repository<E: Entity>(&self) -> MemoryRepository<E> {
        let mut copies = self.copies.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(copy) = copies
            .iter()
            .find(|(id, _)| *id == TypeId::of::<E>())
            .and_then(|(_, copy)| copy.as_any().downcast_ref::<TableCopy<E>>())
        {
            return copy.repository.clone();
        }
        let live = self.store.repository::<E>();
        let (state, base) = {
            let state = live.read();
            ((*state).clone(), state.generation)
        };
        let repository = MemoryRepository {
            state: Arc::new(RwLock::new(state)),
            hasher: live.hasher.clone(),
        };
        copies.push((
            TypeId::of::<E>(),
            Box::new(TableCopy {
                live,
                repository: repository.clone(),
                base,
            }),
        ));
        repository
    }

    /// Runs `work` as a nested unit: on `Err` its writes are undone and the outer unit goes
    /// on without them (a savepoint); on `Ok` they stay part of the outer unit.
    ///
    /// # Errors
    /// What `work` returned.
    pub async fn transaction<T, Err, F, Fut>(&self, work: F) -> Result<T, Err>
    where
        F: FnOnce(MemoryUnit) -> Fut,
        Fut: Future<Output = Result<T, Err>>,
    {
        let savepoint = self.savepoint();
        let result = work(self.clone()).await;
        if result.is_err() {
            self.roll_back_to(savepoint);
        }
        result
    }

    fn savepoint(&self) -> Vec<Box<dyn Any + Send>> {
        let copies = self.copies.lock().unwrap_or_else(PoisonError::into_inner);
        copies.iter().map(|(_, copy)| copy.snapshot()).collect()
    }

    fn roll_back_to(&self, savepoint: Vec<Box<dyn Any + Send>>) {
        let mut copies = self.copies.lock().unwrap_or_else(PoisonError::into_inner);
        copies.truncate(savepoint.len());
        for ((_, copy), snapshot) in copies.iter().zip(savepoint) {
            copy.restore(snapshot);
        }
    }

    /// Moves every copy into the store, or nothing when a live table changed since it was
    /// copied.
    fn commit(&self) -> bool {
        let copies = self.copies.lock().unwrap_or_else(PoisonError::into_inner);
        match copies.split_first() {
            None => true,
            Some(((_, first), rest)) => first.commit_with(rest),
        }
    }
}

/// One table a unit copied, behind its entity type.
trait Copied: Send + Sync {
    fn as_any(&self) -> &dyn Any;
    /// Locks the live table, then (recursively) the rest; when none changed since copied,
    /// moves every copy in before any lock is released.
    fn commit_with(&self, rest: &[(TypeId, Box<dyn Copied>)]) -> bool;
    fn snapshot(&self) -> Box<dyn Any + Send>;
    fn restore(&self, snapshot: Box<dyn Any + Send>);
}

struct TableCopy<E: Entity> {
    live: MemoryRepository<E>,
    repository: MemoryRepository<E>,
    /// The live table's generation when it was copied.
    base: u64,
}

impl<E: Entity> Copied for TableCopy<E> {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn commit_with(&self, rest: &[(TypeId, Box<dyn Copied>)]) -> bool {
        let mut live = self
            .live
            .state
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        if live.generation != self.base {
            return false;
        }
        let rest_ok = match rest.split_first() {
            None => true,
            Some(((_, next), rest)) => next.commit_with(rest),
        };
        if rest_ok {
            let copy = self.repository.read();
            *live = State {
                generation: self.base + 1,
                ..(*copy).clone()
            };
        }
        rest_ok
    }

    fn snapshot(&self) -> Box<dyn Any + Send> {
        Box::new((*self.repository.read()).clone())
    }

    fn restore(&self, snapshot: Box<dyn Any + Send>) {
        if let Ok(state) = snapshot.downcast::<State<E>>() {
            *self.repository.write() = *state;
        }
    }
}
