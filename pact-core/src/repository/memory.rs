//! [`MemoryRepository`]: the in-memory implementation services are tested with; its tables
//! can live in one [`MemoryStore`], which runs units of work.

mod backend;
mod keyset;
mod lifecycle;
mod store;
mod upsert;

use std::borrow::Borrow;
use std::collections::HashMap;
use std::fmt;
use std::hash::{Hash, RandomState};
use std::sync::{Arc, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

pub use store::{MemoryStore, MemoryUnit};

use super::{Entity, Page, PageRequest, RepoError, page_plan};

/// A thread-safe in-memory repository of one entity.
///
/// It implements [`Backend<E>`](super::Backend), so it is every entity's generated repository
/// trait (`#[derive(Repository)]`'s blanket impl), and a service that
/// holds an `Arc<dyn UserRepository>` runs its tests against memory and production against a
/// database, unchanged. It behaves as the SQL repositories do: unique fields are enforced
/// (`Conflict`), generated ids count up from 1, fields that are not persisted come back as
/// their defaults, pages are sorted and counted the same way, a `#[repo(version)]` field starts
/// at 1 and `update` checks and increments it atomically. Lookups by id and by a unique
/// field are O(1); other filters scan.
///
/// ```
/// use pact_core::repository::MemoryRepository;
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
/// #     const COLUMNS: &'static [Column] = &[Column::new("id", "id").id().generated().ordered::<i64>(), Column::new("name", "name").unique().hashed::<String>()];
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
/// // `Tag` derives `Repository`, with `#[repo(id, generated)] id` and `#[repo(unique)] name`.
/// let tags = MemoryRepository::<Tag>::new();
/// let rust = tags.insert_row(Tag { id: 0, name: "rust".into() }).unwrap();
/// assert_eq!(rust.id, 1);
/// assert!(tags.insert_row(Tag { id: 0, name: "rust".into() }).unwrap_err().is_conflict());
/// assert_eq!(tags.get(&1), Some(rust));
/// assert_eq!(tags.len(), 1);
/// ```
pub struct MemoryRepository<E: Entity> {
    /// The table, shared by the clones of this repository (a [`MemoryStore`] hands out
    /// clones), or a unit of work's private copy of it.
    state: Arc<RwLock<State<E>>>,
    hasher: RandomState,
}

impl<E: Entity> Clone for MemoryRepository<E> {
    /// Another handle on the same table.
    fn clone(&self) -> Self {
        Self {
            state: Arc::clone(&self.state),
            hasher: self.hasher.clone(),
        }
    }
}

/// A unique column's index: value hash -> the ids holding a value with that hash.
type UniqueIndex<Id> = HashMap<u64, Vec<Id>>;

#[derive(Clone)]
struct State<E: Entity> {
    rows: HashMap<E::Id, E>,
    /// One index per unique column, with the column's index in `E::COLUMNS`.
    uniques: Vec<(usize, UniqueIndex<E::Id>)>,
    last_id: i64,
    /// Counts the writes: a unit of work commits only onto the table it copied.
    generation: u64,
}

impl<E: Entity> MemoryRepository<E> {
    /// An empty repository.
    #[must_use]
    pub fn new() -> Self {
        let uniques = E::COLUMNS
            .iter()
            .enumerate()
            .filter(|(_, column)| column.unique)
            .map(|(index, _)| (index, HashMap::new()))
            .collect();
        Self {
            state: Arc::new(RwLock::new(State {
                rows: HashMap::new(),
                uniques,
                last_id: 0,
                generation: 0,
            })),
            hasher: RandomState::new(),
        }
    }

    /// The entity with this id, if any (synchronous; handy in test assertions). A
    /// soft-deleted row is returned too, as it is still stored; `len` and `to_vec` count and
    /// list it as well.
    #[must_use]
    pub fn get<Q>(&self, id: &Q) -> Option<E>
    where
        E::Id: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.read().rows.get(id).cloned()
    }

    /// How many entities are stored.
    #[must_use]
    pub fn len(&self) -> usize {
        self.read().rows.len()
    }

    /// Whether nothing is stored.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.read().rows.is_empty()
    }

    /// Every stored entity, ordered by id.
    #[must_use]
    pub fn to_vec(&self) -> Vec<E> {
        let mut rows: Vec<E> = self.read().rows.values().cloned().collect();
        rows.sort_by(|a, b| a.id().cmp(b.id()));
        rows
    }

    /// The hasher unique values are indexed with; `hash_unique` uses it.
    #[doc(hidden)]
    #[must_use]
    pub fn hasher(&self) -> &RandomState {
        &self.hasher
    }

    /// `find_by_id`.
    #[doc(hidden)]
    #[must_use]
    pub fn find_row<Q>(&self, id: &Q) -> Option<E>
    where
        E::Id: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.read()
            .rows
            .get(id)
            .filter(|row| !row.is_deleted())
            .cloned()
    }

    /// `get_by_id`.
    #[doc(hidden)]
    pub fn get_row<Q>(&self, id: &Q) -> Result<E, RepoError>
    where
        E::Id: Borrow<Q>,
        Q: Hash + Eq + fmt::Debug + ?Sized,
    {
        self.find_row(id)
            .ok_or_else(|| RepoError::not_found(E::NAME, id))
    }

    /// `find_by_ids`: the stored rows among `ids`, ordered by id, each once.
    #[doc(hidden)]
    #[must_use]
    pub fn find_rows(&self, ids: &[E::Id]) -> Vec<E> {
        let state = self.read();
        let mut rows: Vec<E> = ids
            .iter()
            .filter_map(|id| state.rows.get(id))
            .filter(|row| !row.is_deleted())
            .cloned()
            .collect();
        drop(state);
        rows.sort_by(|a, b| a.id().cmp(b.id()));
        rows.dedup_by(|a, b| a.id() == b.id());
        rows
    }

    /// `find_by_<unique field>`: the row whose `column` hashes to `hash` and matches.
    #[doc(hidden)]
    pub fn find_unique(&self, column: usize, hash: u64, matches: impl Fn(&E) -> bool) -> Option<E> {
        let state = self.read();
        let (_, index) = state.uniques.iter().find(|(c, _)| *c == column)?;
        index
            .get(&hash)?
            .iter()
            .filter_map(|id| state.rows.get(id))
            .find(|row| !row.is_deleted() && matches(row))
            .cloned()
    }

    /// `find_all` and `find_all_by_<indexed field>`: one sorted, counted page of the rows that
    /// match.
    #[doc(hidden)]
    pub fn find_page(
        &self,
        request: &PageRequest,
        matches: impl Fn(&E) -> bool,
    ) -> Result<Page<E>, RepoError> {
        self.page_of(request, |row| !row.is_deleted() && matches(row))
    }

    /// One sorted, counted page of the rows that match, deleted or not.
    fn page_of(
        &self,
        request: &PageRequest,
        matches: impl Fn(&E) -> bool,
    ) -> Result<Page<E>, RepoError> {
        let plan = page_plan::<E>(request)?;
        let state = self.read();
        let mut rows: Vec<&E> = state.rows.values().filter(|row| matches(row)).collect();
        rows.sort_by(|a, b| {
            let by_key = plan
                .column
                .map_or(std::cmp::Ordering::Equal, |column| a.compare(b, column));
            let ordering = by_key.then_with(|| a.id().cmp(b.id()));
            if plan.descending {
                ordering.reverse()
            } else {
                ordering
            }
        });
        let total = rows.len() as u64;
        let skip = usize::try_from(request.offset).unwrap_or(usize::MAX);
        let items = rows
            .into_iter()
            .skip(skip)
            .take(plan.limit as usize)
            .cloned()
            .collect();
        Ok(Page {
            items,
            total,
            offset: request.offset,
            limit: plan.limit,
        })
    }

    /// `count`.
    #[doc(hidden)]
    #[must_use]
    pub fn count_rows(&self) -> u64 {
        let state = self.read();
        if E::SOFT_DELETE_COLUMN.is_some() {
            return state.rows.values().filter(|row| !row.is_deleted()).count() as u64;
        }
        state.rows.len() as u64
    }

    /// `exists`.
    #[doc(hidden)]
    #[must_use]
    pub fn contains<Q>(&self, id: &Q) -> bool
    where
        E::Id: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.read()
            .rows
            .get(id)
            .is_some_and(|row| !row.is_deleted())
    }

    /// `insert`: assigns a generated id, enforces the id and unique columns, and returns the
    /// stored entity.
    #[doc(hidden)]
    pub fn insert_row(&self, entity: E) -> Result<E, RepoError> {
        let mut state = self.write();
        self.insert_locked(&mut state, entity)
    }

    /// `insert_many`: all or nothing.
    #[doc(hidden)]
    pub fn insert_rows(&self, entities: Vec<E>) -> Result<Vec<E>, RepoError> {
        let mut state = self.write();
        let mut inserted: Vec<E> = Vec::with_capacity(entities.len());
        let last_id = state.last_id;
        for entity in entities {
            match self.insert_locked(&mut state, entity) {
                Ok(stored) => inserted.push(stored),
                Err(err) => {
                    for row in &inserted {
                        self.remove_locked(&mut state, row.id());
                    }
                    state.last_id = last_id;
                    return Err(err);
                }
            }
        }
        Ok(inserted)
    }

    /// `update`: replaces the whole row; `NotFound` when the id is not stored. With a
    /// `#[repo(version)]` field, the stored version must be the entity's (else
    /// `VersionConflict`, carrying the stored one), and the stored row gets the next version:
    /// checked and incremented under one write lock, as the SQL `UPDATE ... AND version = ?`.
    #[doc(hidden)]
    pub fn update_row(&self, mut entity: E) -> Result<E, RepoError> {
        entity.stamp(super::Stamp::Update, super::now_unix_micros())?;
        entity.check_values()?;
        entity.clear_transient();
        let mut state = self.write();
        // A soft-deleted row cannot be updated; `created_at` is the stored one.
        match state.rows.get(entity.id()) {
            Some(stored) if !stored.is_deleted() => entity.keep_created(stored),
            _ => return Err(RepoError::not_found(E::NAME, entity.id())),
        }
        if let Some(column) = E::VERSION_COLUMN {
            let Some(stored) = state.rows.get(entity.id()) else {
                return Err(RepoError::not_found(E::NAME, entity.id()));
            };
            let expected = entity.version();
            if stored.version() != expected {
                return Err(RepoError::version_conflict::<E>(
                    column,
                    entity.id(),
                    expected,
                    Some(stored.version()),
                ));
            }
            let next = expected
                .checked_add(1)
                .ok_or_else(|| RepoError::backend(format!("{} version overflow", E::NAME)))?;
            entity.set_version(next)?;
        }
        let Some(old) = self.remove_locked(&mut state, entity.id()) else {
            return Err(RepoError::not_found(E::NAME, entity.id()));
        };
        if let Err(err) = self.check_unique(&state, &entity) {
            self.index_locked(&mut state, old);
            return Err(err);
        }
        self.index_locked(&mut state, entity.clone());
        Ok(entity)
    }

    /// `delete_by_id`: whether a row was removed (with a `#[repo(soft_delete)]` field:
    /// whether a live row was marked; it keeps its unique values).
    #[doc(hidden)]
    pub fn delete_row<Q>(&self, id: &Q) -> Result<bool, RepoError>
    where
        E::Id: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let mut state = self.write();
        if E::SOFT_DELETE_COLUMN.is_some() {
            return Self::mark_locked(&mut state, id, Some(super::now_unix_micros()));
        }
        Ok(self.remove_locked(&mut state, id).is_some())
    }

    fn insert_locked(&self, state: &mut State<E>, mut entity: E) -> Result<E, RepoError> {
        entity.stamp(super::Stamp::Insert, super::now_unix_micros())?;
        entity.check_values()?;
        entity.clear_transient();
        let id_column = &E::COLUMNS[E::ID_COLUMN];
        if id_column.generated {
            entity.set_generated_id(state.last_id + 1)?;
        }
        if E::VERSION_COLUMN.is_some() {
            entity.set_version(1)?;
        }
        if state.rows.contains_key(entity.id()) {
            return Err(RepoError::Conflict {
                entity: E::NAME,
                field: Some(id_column.field),
                constraint: None,
            });
        }
        self.check_unique(state, &entity)?;
        if id_column.generated {
            state.last_id += 1;
        }
        self.index_locked(state, entity.clone());
        Ok(entity)
    }

    fn check_unique(&self, state: &State<E>, entity: &E) -> Result<(), RepoError> {
        for (column, index) in &state.uniques {
            let hash = entity.unique_hash(*column, &self.hasher);
            let taken = index.get(&hash).is_some_and(|ids| {
                ids.iter()
                    .filter_map(|id| state.rows.get(id))
                    .any(|other| other.id() != entity.id() && other.unique_eq(entity, *column))
            });
            if taken {
                return Err(RepoError::Conflict {
                    entity: E::NAME,
                    field: Some(E::COLUMNS[*column].field),
                    constraint: None,
                });
            }
        }
        Ok(())
    }

    fn index_locked(&self, state: &mut State<E>, entity: E) {
        for (column, index) in &mut state.uniques {
            let hash = entity.unique_hash(*column, &self.hasher);
            index.entry(hash).or_default().push(entity.id().clone());
        }
        state.rows.insert(entity.id().clone(), entity);
    }

    fn remove_locked<Q>(&self, state: &mut State<E>, id: &Q) -> Option<E>
    where
        E::Id: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let old = state.rows.remove(id)?;
        for (column, index) in &mut state.uniques {
            let hash = old.unique_hash(*column, &self.hasher);
            if let Some(ids) = index.get_mut(&hash) {
                ids.retain(|other| other.borrow() != id);
                if ids.is_empty() {
                    index.remove(&hash);
                }
            }
        }
        Some(old)
    }

    fn read(&self) -> RwLockReadGuard<'_, State<E>> {
        self.state.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn write(&self) -> RwLockWriteGuard<'_, State<E>> {
        let mut state = self.state.write().unwrap_or_else(PoisonError::into_inner);
        state.generation += 1;
        state
    }
}

impl<E: Entity> Default for MemoryRepository<E> {
    fn default() -> Self {
        Self::new()
    }
}

impl<E: Entity + fmt::Debug> fmt::Debug for MemoryRepository<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MemoryRepository")
            .field("table", &E::TABLE)
            .field("rows", &self.len())
            .finish_non_exhaustive()
    }
}
