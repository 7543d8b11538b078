//! Cache-aside repositories: [`Cached<E>`] implements an entity's generated repository trait
//! over any implementation of it, so `Arc<dyn UserRepository>` stays the only thing a
//! service sees. Behind the `cache` (in-process, [`LocalStore`]) and `redis` ([`RedisStore`])
//! features.
//!
//! - Reads by id (`find_by_id`, `get_by_id`, `exists`) and by a unique field are served from
//!   the cache, with the [`Cache`]'s TTL; a miss reads the backing repository once however
//!   many callers miss together (single-flight), and stores what it found (a `None` is not
//!   stored). A unique field's key holds the id, and the entity it leads to must still hold
//!   that value, or the read is a miss: an `update` that changes an email leaves no stale
//!   key behind.
//! - Pages (`find_all`, `find_all_by_<field>`) and `count` go to the backing repository unless
//!   [`Cache::cache_lists`] is given; then they are cached with their own TTL and any write to
//!   the entity invalidates all of them at once (a per-entity generation).
//! - Every write through it (`insert`, `insert_many`, `update`, `delete_by_id`, and any
//!   other write the trait has) invalidates the keys it touches: the id, every unique value
//!   it holds, and the entity's pages. A read that raced the write never stores what it read
//!   before it: every key has a generation, a miss notes it, and the value is stored only if
//!   no invalidation moved it since.
//! - In a unit of work ([`Cache::unit_repository`]) reads go to the unit (so they see its
//!   writes) and writes invalidate when the unit commits ([`UnitOfWork::on_commit`]); a unit
//!   that rolls back leaves the cache as it was.
//! - Values are postcard bytes under `pact:[<namespace>:]<table>:<schema hash>:...`; the
//!   schema hash is computed by the derive from the fields' names, types and `#[repo]`
//!   attributes, so a changed struct never reads another's bytes (and bytes that do not
//!   decode are a miss). [`LocalStore`] keeps the entity decoded by the first hit beside its
//!   bytes ([`Value`]), so later hits clone it instead of decoding.
//! - A cache that fails (Redis down or slow) is logged at `warn` and the backing repository
//!   answers; the keys a failed invalidation could not reach are kept and invalidated first
//!   once the cache answers again, and until then reads bypass it.
//!
//! ```
//! # #[cfg(all(feature = "cache", feature = "sqlite"))] {
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! use std::sync::Arc;
//! use std::time::Duration;
//! use pact_core::repository::cache::{Cache, LocalStore};
//! use pact_core::repository::Store;
//!
//! # #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, pact_derive::Repository)]
//! # #[repo(table = "users", crate = pact_core)]
//! # pub struct User { #[repo(id, generated)] pub id: i64, #[repo(unique)] pub email: String }
//! // With `#[derive(Repository, serde::Serialize, serde::Deserialize)]` on `User`:
//! let store = Store::<pact_core::sqlx::Sqlite>::memory();
//! let cache = Cache::new(LocalStore::new(64 << 20)).ttl(Duration::from_secs(60));
//! let users: Arc<dyn UserRepository> = cache.repository::<User, _>(&store);
//!
//! let ada = users.insert(User { id: 0, email: "ada@example.com".into() }).await.unwrap();
//! assert_eq!(users.find_by_id(ada.id).await.unwrap(), Some(ada.clone())); // a miss, then stored
//! assert_eq!(users.find_by_email("ada@example.com").await.unwrap(), Some(ada)); // by its id
//! # });
//! # }
//! ```

mod backend;
mod codec;
mod flight;
mod key;
#[cfg(feature = "cache")]
mod local;
#[cfg(feature = "redis")]
mod redis;
mod value;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::unit_of_work::CommitHooks;
use super::{
    BoxFuture, Entity, Page, RepoError, RepoFuture, SqlBackend, Store, UnitOfWork, UnitRepository,
};
use flight::Flights;
#[doc(hidden)]
pub use key::key_part;
use key::{Key, KeySpace};

#[cfg(feature = "cache")]
pub use self::local::LocalStore;
#[cfg(feature = "redis")]
pub use self::redis::RedisStore;
pub use self::value::Value;

/// What a cache store answers for a key: its value, if one is stored at the generation its
/// guard has now, and that generation (the ticket a later [`put`](CacheStore::put) shows).
#[derive(Debug, Clone)]
pub struct Lookup {
    /// The stored bytes, if any are current (with the value decoded from them, when the
    /// store keeps it: [`LocalStore`] does).
    pub value: Option<Value>,
    /// The guard's generation now.
    pub ticket: u64,
}

/// A cache store failed: unreachable, timed out, or answered something unexpected. The
/// [`Cache`] logs it and answers from the backing repository; no caller sees it.
///
/// ```
/// let err = pact_core::repository::cache::CacheError::new("connection refused");
/// assert_eq!(err.to_string(), "cache store: connection refused");
/// ```
#[derive(Debug, Clone)]
pub struct CacheError {
    message: String,
}

impl CacheError {
    /// An error with this message.
    #[must_use]
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }

    #[cfg(feature = "redis")]
    #[allow(clippy::needless_pass_by_value)] // the shape of `map_err`
    fn from_redis(err: ::redis::RedisError) -> Self {
        Self::new(err.to_string())
    }
}

impl std::fmt::Display for CacheError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cache store: {}", self.message)
    }
}

impl std::error::Error for CacheError {}

/// Where cached values live: [`LocalStore`] in-process, [`RedisStore`] shared. Keys are
/// strings, values bytes, and every key has a *guard* (itself, or the entity's page guard)
/// whose generation changes on every invalidation.
///
/// A store must never hand out a value stored at another generation than its guard's
/// current one, and [`put`](Self::put) must store nothing when the guard's generation is no
/// longer the ticket. A generation that is lost (evicted, expired) must come back as a number
/// never used before for that guard.
///
/// ```
/// # #[cfg(feature = "cache")] {
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// use std::time::Duration;
/// use pact_core::repository::cache::{CacheStore, LocalStore, Value};
///
/// let store = LocalStore::new(1 << 20);
/// let miss = store.get("k", "k").await.unwrap();
/// assert!(miss.value.is_none());
/// store.put("k", "k", miss.ticket, vec![1, 2], Duration::from_secs(5)).await.unwrap();
/// let hit = store.get("k", "k").await.unwrap();
/// assert_eq!(hit.value.as_ref().map(Value::bytes), Some(&[1, 2][..]));
/// store.invalidate(&["k".to_owned()]).await.unwrap();
/// assert!(store.get("k", "k").await.unwrap().value.is_none());
/// # });
/// # }
/// ```
pub trait CacheStore: Send + Sync + 'static {
    /// The value of `key` if it is current for `guard`'s generation, and that generation.
    ///
    /// # Errors
    /// [`CacheError`] when the store cannot answer.
    fn get<'a>(&'a self, key: &'a str, guard: &'a str)
    -> BoxFuture<'a, Result<Lookup, CacheError>>;

    /// As [`get`](Self::get), answered at once by a store that needs no I/O (`None`: ask
    /// `get`). [`LocalStore`] answers here, so an in-process hit is answered at the first
    /// poll without a future of the store's; the default is `None`.
    ///
    /// ```
    /// # #[cfg(feature = "cache")] {
    /// use pact_core::repository::cache::{CacheStore, LocalStore};
    ///
    /// let store = LocalStore::new(1 << 20);
    /// let lookup = store.get_now("k", "k").expect("in-process").unwrap();
    /// assert!(lookup.value.is_none());
    /// # }
    /// ```
    ///
    /// # Errors
    /// `Some(Err(_))` when the store cannot answer.
    fn get_now(&self, key: &str, guard: &str) -> Option<Result<Lookup, CacheError>> {
        let _ = (key, guard);
        None
    }

    /// A read by id answered at once, in place: hands `with` the value under `key` (a key that
    /// is its own guard) when it is current, without a clone of the [`Value`]; `Some(Ok(true))`
    /// when it did, `Some(Ok(false))` on a miss, `None` when the store needs I/O (ask `get`).
    /// The default answers from [`get_now`](Self::get_now); [`LocalStore`] reads the value
    /// under its shard's read lock.
    ///
    /// ```
    /// # #[cfg(feature = "cache")] {
    /// use pact_core::repository::cache::{CacheStore, LocalStore, Value};
    ///
    /// let store = LocalStore::new(1 << 20);
    /// let mut seen = Vec::new();
    /// let mut keep = |value: &Value| seen.push(value.bytes().to_vec());
    /// assert!(matches!(store.peek_now("k", &mut keep), Some(Ok(false))));
    /// # }
    /// ```
    ///
    /// # Errors
    /// `Some(Err(_))` when the store cannot answer.
    fn peek_now(
        &self,
        key: &str,
        with: &mut dyn FnMut(&Value),
    ) -> Option<Result<bool, CacheError>> {
        Some(
            self.get_now(key, key)?
                .map(|lookup| lookup.value.as_ref().map(with).is_some()),
        )
    }

    /// Stores `value` under `key` for `ttl`, if `guard`'s generation is still `ticket`;
    /// whether it did.
    ///
    /// # Errors
    /// [`CacheError`] when the store cannot answer.
    fn put<'a>(
        &'a self,
        key: &'a str,
        guard: &'a str,
        ticket: u64,
        value: Vec<u8>,
        ttl: Duration,
    ) -> BoxFuture<'a, Result<bool, CacheError>>;

    /// Moves the generation of every key in `keys` (as a guard) and drops its value.
    ///
    /// # Errors
    /// [`CacheError`] when the store cannot answer; the caller tries again later.
    fn invalidate<'a>(&'a self, keys: &'a [String]) -> BoxFuture<'a, Result<(), CacheError>>;
}

/// A cache: a [`CacheStore`], the TTLs, a key namespace, and what every [`Cached`]
/// repository built from it shares (reads in flight, invalidations still to deliver). Clones
/// share all of it.
///
/// ```
/// # #[cfg(feature = "cache")] {
/// use std::time::Duration;
/// use pact_core::repository::cache::{Cache, LocalStore};
///
/// let cache = Cache::new(LocalStore::new(32 << 20))
///     .ttl(Duration::from_secs(30))
///     .cache_lists(Duration::from_secs(2))
///     .namespace("accounts");
/// assert_eq!(cache.list_ttl(), Some(Duration::from_secs(2)));
/// # }
/// ```
#[derive(Clone)]
pub struct Cache {
    store: Arc<dyn CacheStore>,
    ttl: Duration,
    list_ttl: Option<Duration>,
    namespace: Arc<str>,
    shared: Arc<Shared>,
}

#[derive(Default)]
struct Shared {
    flights: Flights,
    /// Keys an invalidation could not reach yet; while there are some, reads bypass the cache.
    pending: Mutex<Vec<String>>,
    has_pending: AtomicBool,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cache")
            .field("ttl", &self.ttl)
            .field("list_ttl", &self.list_ttl)
            .field("namespace", &self.namespace)
            .finish_non_exhaustive()
    }
}

impl Cache {
    /// A cache on `store`: reads by id and unique field live 60 s, pages and counts are not
    /// cached, no namespace.
    ///
    /// ```
    /// # #[cfg(feature = "cache")] {
    /// let cache = pact_core::repository::cache::Cache::new(
    ///     pact_core::repository::cache::LocalStore::new(1 << 20),
    /// );
    /// assert_eq!(cache.read_ttl(), std::time::Duration::from_secs(60));
    /// # }
    /// ```
    #[must_use]
    pub fn new(store: impl CacheStore) -> Self {
        Self::from_store(Arc::new(store))
    }

    /// A cache on a store already shared.
    ///
    /// ```
    /// # #[cfg(feature = "cache")] {
    /// use std::sync::Arc;
    /// use pact_core::repository::cache::{Cache, CacheStore, LocalStore};
    ///
    /// let store: Arc<dyn CacheStore> = Arc::new(LocalStore::new(1 << 20));
    /// let (a, b) = (Cache::from_store(Arc::clone(&store)), Cache::from_store(store));
    /// # let _ = (a, b);
    /// # }
    /// ```
    #[must_use]
    pub fn from_store(store: Arc<dyn CacheStore>) -> Self {
        Self {
            store,
            ttl: Duration::from_secs(60),
            list_ttl: None,
            namespace: Arc::from(""),
            shared: Arc::default(),
        }
    }

    /// How long an entity read by id or unique field stays cached.
    ///
    /// ```
    /// # #[cfg(feature = "cache")] {
    /// # use pact_core::repository::cache::{Cache, LocalStore};
    /// let cache = Cache::new(LocalStore::new(1 << 20)).ttl(std::time::Duration::from_secs(5));
    /// assert_eq!(cache.read_ttl(), std::time::Duration::from_secs(5));
    /// # }
    /// ```
    #[must_use]
    pub fn ttl(mut self, ttl: Duration) -> Self {
        self.ttl = ttl;
        self
    }

    /// Caches pages and counts too, for `ttl` (any write to the entity invalidates them).
    ///
    /// ```
    /// # #[cfg(feature = "cache")] {
    /// # use pact_core::repository::cache::{Cache, LocalStore};
    /// let cache = Cache::new(LocalStore::new(1 << 20)).cache_lists(std::time::Duration::from_secs(1));
    /// assert!(cache.list_ttl().is_some());
    /// # }
    /// ```
    #[must_use]
    pub fn cache_lists(mut self, ttl: Duration) -> Self {
        self.list_ttl = Some(ttl);
        self
    }

    /// Puts every key under `pact:<namespace>:`: services (or tests) sharing one Redis keep
    /// apart.
    ///
    /// ```
    /// # #[cfg(feature = "cache")] {
    /// # use pact_core::repository::cache::{Cache, LocalStore};
    /// let cache = Cache::new(LocalStore::new(1 << 20)).namespace("billing");
    /// assert_eq!(cache.namespace_name(), "billing");
    /// # }
    /// ```
    #[must_use]
    pub fn namespace(mut self, namespace: &str) -> Self {
        self.namespace = Arc::from(namespace);
        self
    }

    /// The TTL of reads by id and unique field.
    ///
    /// ```
    /// # #[cfg(feature = "cache")] {
    /// # use pact_core::repository::cache::{Cache, LocalStore};
    /// assert_eq!(Cache::new(LocalStore::new(1 << 20)).read_ttl().as_secs(), 60);
    /// # }
    /// ```
    #[must_use]
    pub fn read_ttl(&self) -> Duration {
        self.ttl
    }

    /// The TTL of pages and counts, when they are cached.
    ///
    /// ```
    /// # #[cfg(feature = "cache")] {
    /// # use pact_core::repository::cache::{Cache, LocalStore};
    /// assert_eq!(Cache::new(LocalStore::new(1 << 20)).list_ttl(), None);
    /// # }
    /// ```
    #[must_use]
    pub fn list_ttl(&self) -> Option<Duration> {
        self.list_ttl
    }

    /// The key namespace (empty for none).
    ///
    /// ```
    /// # #[cfg(feature = "cache")] {
    /// # use pact_core::repository::cache::{Cache, LocalStore};
    /// assert_eq!(Cache::new(LocalStore::new(1 << 20)).namespace_name(), "");
    /// # }
    /// ```
    #[must_use]
    pub fn namespace_name(&self) -> &str {
        &self.namespace
    }

    /// The cached repository of `E` on `store`, outside any unit: what a service holds
    /// instead of `store.repository::<E>()`.
    ///
    /// ```
    /// # #[cfg(all(feature = "cache", feature = "sqlite"))] {
    /// # #[derive(Debug, Clone, serde::Serialize, serde::Deserialize, pact_derive::Repository)]
    /// # #[repo(table = "users", crate = pact_core)]
    /// # pub struct User { #[repo(id, generated)] pub id: i64 }
    /// use std::sync::Arc;
    /// use pact_core::repository::Store;
    /// use pact_core::repository::cache::{Cache, LocalStore};
    ///
    /// let store = Store::<pact_core::sqlx::Sqlite>::memory();
    /// let cache = Cache::new(LocalStore::new(1 << 20));
    /// let users: Arc<dyn UserRepository> = cache.repository::<User, _>(&store);
    /// # let _ = users;
    /// # }
    /// ```
    #[must_use]
    pub fn repository<E, DB>(&self, store: &Store<DB>) -> Arc<E::Dyn>
    where
        DB: SqlBackend,
        E: CacheEntity + UnitRepository<DB>,
    {
        E::into_dyn(Cached::new(store.repository::<E>(), self.clone()))
    }

    /// The cached repository of `E` in a unit of work: reads go to the unit, writes
    /// invalidate when it commits.
    ///
    /// ```
    /// # #[cfg(all(feature = "cache", feature = "sqlite"))] {
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// # #[derive(Debug, Clone, serde::Serialize, serde::Deserialize, pact_derive::Repository)]
    /// # #[repo(table = "users", crate = pact_core)]
    /// # pub struct User { #[repo(id, generated)] pub id: i64 }
    /// use pact_core::repository::{RepoError, Store};
    /// use pact_core::repository::cache::{Cache, LocalStore};
    ///
    /// let store = Store::<pact_core::sqlx::Sqlite>::memory();
    /// let cache = Cache::new(LocalStore::new(1 << 20));
    /// let users = cache.repository::<User, _>(&store);
    /// let id = store
    ///     .transaction(|unit| {
    ///         let users = cache.unit_repository::<User, _>(&unit);
    ///         async move { Ok::<_, RepoError>(users.insert(User { id: 0 }).await?.id) }
    ///     })
    ///     .await
    ///     .unwrap();
    /// assert!(users.find_by_id(id).await.unwrap().is_some());
    /// # });
    /// # }
    /// ```
    #[must_use]
    pub fn unit_repository<E, DB>(&self, unit: &UnitOfWork<DB>) -> Arc<E::Dyn>
    where
        DB: SqlBackend,
        E: CacheEntity + UnitRepository<DB>,
    {
        E::into_dyn(Cached::in_unit(unit.repository::<E>(), self.clone(), unit))
    }

    /// Wraps any implementation of `E`'s repository trait (a hand-written one, a test double).
    ///
    /// ```
    /// # #[cfg(feature = "cache")] {
    /// # #[derive(Debug, Clone, serde::Serialize, serde::Deserialize, pact_derive::Repository)]
    /// # #[repo(table = "users", crate = pact_core)]
    /// # pub struct User { #[repo(id, generated)] pub id: i64 }
    /// use std::sync::Arc;
    /// use pact_core::repository::MemoryRepository;
    /// use pact_core::repository::cache::{Cache, LocalStore};
    ///
    /// let inner: Arc<dyn UserRepository> = Arc::new(MemoryRepository::<User>::new());
    /// let users = Cache::new(LocalStore::new(1 << 20)).wrap::<User>(inner);
    /// # let _ = users;
    /// # }
    /// ```
    #[must_use]
    pub fn wrap<E: CacheEntity>(&self, inner: Arc<E::Dyn>) -> Arc<E::Dyn> {
        E::into_dyn(Cached::new(inner, self.clone()))
    }

    /// Whether the cache may be read: no invalidation is waiting to be delivered (it tries to
    /// deliver them first).
    async fn usable(&self) -> bool {
        if !self.shared.has_pending.load(Ordering::Acquire) {
            return true;
        }
        self.invalidate(Vec::new()).await;
        !self.shared.has_pending.load(Ordering::Acquire)
    }

    async fn lookup(&self, key: &str, guard: &str) -> Option<Lookup> {
        let answer = match self.store.get_now(key, guard) {
            Some(answer) => answer,
            None => self.store.get(key, guard).await,
        };
        match answer {
            Ok(lookup) => Some(lookup),
            Err(err) => {
                tracing::warn!(error = %err, key, "cache read failed; reading the repository");
                None
            }
        }
    }

    async fn fill(&self, key: &str, guard: &str, ticket: u64, bytes: Vec<u8>, ttl: Duration) {
        if let Err(err) = self.store.put(key, guard, ticket, bytes, ttl).await {
            tracing::warn!(error = %err, key, "cache write failed; the value is not cached");
        }
    }

    /// Invalidates `keys` and any still pending; keeps them pending when the store fails.
    async fn invalidate(&self, keys: Vec<String>) {
        let mut all = {
            let mut pending = self
                .shared
                .pending
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            self.shared.has_pending.store(false, Ordering::Release);
            std::mem::take(&mut *pending)
        };
        all.extend(keys);
        if all.is_empty() {
            return;
        }
        if let Err(err) = self.store.invalidate(&all).await {
            tracing::warn!(
                error = %err,
                keys = all.len(),
                "cache invalidation failed; reads bypass the cache until it is delivered"
            );
            let mut pending = self
                .shared
                .pending
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            pending.extend(all);
            self.shared.has_pending.store(true, Ordering::Release);
        }
    }
}

/// What an entity needs to be cached: serde both ways, and `Send + Sync + 'static`.
/// `#[derive(Repository)]` bounds its cached impl on it, so an entity without serde simply
/// has none, and this error says why where one is used.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be cached: it is not `serde::Serialize` and `serde::Deserialize`",
    label = "not `Serialize + Deserialize`",
    note = "add `#[derive(serde::Serialize, serde::Deserialize)]` to `{Self}` (and to the types of its fields) to use it with `Cache`"
)]
pub trait Cacheable: Serialize + DeserializeOwned + Send + Sync + 'static {}

#[diagnostic::do_not_recommend]
impl<T: Serialize + DeserializeOwned + Send + Sync + 'static> Cacheable for T {}

/// What a cache key is built from (an id or a finder's value): `serde::Serialize`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be part of a cache key: it is not `serde::Serialize`",
    label = "not `Serialize`",
    note = "enable the type's `serde` feature, or derive `serde::Serialize` for it"
)]
pub trait CacheKeyValue: Serialize {}

#[diagnostic::do_not_recommend]
impl<T: Serialize + ?Sized> CacheKeyValue for T {}

/// An entity whose generated repository trait [`Cached`] implements:
/// `#[derive(Repository)]` writes it for every entity that is [`Cacheable`].
///
/// ```
/// # #[cfg(feature = "cache")] {
/// # #[derive(Debug, Clone, serde::Serialize, serde::Deserialize, pact_derive::Repository)]
/// # #[repo(table = "users", crate = pact_core)]
/// # pub struct User { #[repo(id, generated)] pub id: i64, #[repo(unique)] pub email: String }
/// use pact_core::repository::cache::CacheEntity;
///
/// let ada = User { id: 7, email: "ada@example.com".into() };
/// assert_eq!(ada.unique_keys()[0].0, "email");
/// // Another field, type or attribute would give another hash.
/// assert_ne!(User::SCHEMA_HASH, 0);
/// # }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be cached: it, its id and its unique fields must be `serde::Serialize` and `serde::Deserialize`",
    label = "not cacheable",
    note = "add `#[derive(serde::Serialize, serde::Deserialize)]` to `{Self}` (and to the types of its fields) to use it with `Cache`"
)]
pub trait CacheEntity: Entity<IdBound: Serialize> + Cacheable {
    /// A hash of the struct's fields (names, types, `#[repo]` attributes), computed at
    /// compile time: part of every key, so bytes of another shape are never read.
    const SCHEMA_HASH: u64;

    /// The key part of this entity's id.
    fn id_key(&self) -> String;

    /// Each unique field's name and the key part of its value.
    fn unique_keys(&self) -> Vec<(&'static str, String)>;

    /// A finder value's field name and key part (the part [`unique_keys`](Self::unique_keys)
    /// gives for the same value).
    fn value_key(value: &Self::Value<'_>) -> (&'static str, String);
}

/// The cache-aside decorator of `E`'s generated repository trait: it implements
/// [`Backend<E>`](super::Backend), so `Cached<User>` is a `UserRepository` by the derive's
/// blanket impl (see the [module](self) for what is cached and when it is invalidated). Build it with [`Cache::repository`], [`Cache::unit_repository`]
/// or [`Cache::wrap`], or with [`new`](Self::new).
///
/// ```
/// # #[cfg(feature = "cache")] {
/// # #[derive(Debug, Clone, serde::Serialize, serde::Deserialize, pact_derive::Repository)]
/// # #[repo(table = "users", crate = pact_core)]
/// # pub struct User { #[repo(id, generated)] pub id: i64 }
/// use std::sync::Arc;
/// use pact_core::repository::MemoryRepository;
/// use pact_core::repository::cache::{Cache, Cached, LocalStore};
///
/// let inner: Arc<dyn UserRepository> = Arc::new(MemoryRepository::<User>::new());
/// let users: Arc<dyn UserRepository> =
///     Arc::new(Cached::<User>::new(inner, Cache::new(LocalStore::new(1 << 20))));
/// # let _ = users;
/// # }
/// ```
pub struct Cached<E: CacheEntity> {
    inner: Arc<E::Dyn>,
    cache: Cache,
    keys: KeySpace,
    unit: Option<CommitHooks>,
}

impl<E: CacheEntity> std::fmt::Debug for Cached<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cached")
            .field("entity", &E::NAME)
            .field("cache", &self.cache)
            .field("in_unit", &self.unit.is_some())
            .finish_non_exhaustive()
    }
}

/// What a write answered, as keys to invalidate: the entities it returned.
#[doc(hidden)]
pub trait Written<E: CacheEntity> {
    /// Pushes the keys of the entities in `self`.
    fn written_keys(&self, cached: &Cached<E>, keys: &mut Vec<String>);
}

impl<E: CacheEntity> Written<E> for E {
    fn written_keys(&self, cached: &Cached<E>, keys: &mut Vec<String>) {
        cached.push_entity_keys(self, keys);
    }
}

impl<E: CacheEntity> Written<E> for Vec<E> {
    fn written_keys(&self, cached: &Cached<E>, keys: &mut Vec<String>) {
        for entity in self {
            cached.push_entity_keys(entity, keys);
        }
    }
}

impl<E: CacheEntity, T: Written<E>> Written<E> for Option<T> {
    fn written_keys(&self, cached: &Cached<E>, keys: &mut Vec<String>) {
        if let Some(value) = self {
            value.written_keys(cached, keys);
        }
    }
}

impl<E: CacheEntity, T: Written<E>> Written<E> for (T, bool) {
    fn written_keys(&self, cached: &Cached<E>, keys: &mut Vec<String>) {
        self.0.written_keys(cached, keys);
    }
}

macro_rules! written_nothing {
    ($($ty:ty),*) => {$(
        impl<E: CacheEntity> Written<E> for $ty {
            fn written_keys(&self, _: &Cached<E>, _: &mut Vec<String>) {}
        }
    )*};
}
written_nothing!((), bool, u64);

impl<E: CacheEntity> Cached<E> {
    /// The decorator of `inner`, outside any unit.
    ///
    /// ```
    /// # #[cfg(feature = "cache")] {
    /// # #[derive(Debug, Clone, serde::Serialize, serde::Deserialize, pact_derive::Repository)]
    /// # #[repo(table = "users", crate = pact_core)]
    /// # pub struct User { #[repo(id, generated)] pub id: i64 }
    /// # use std::sync::Arc;
    /// # use pact_core::repository::cache::{Cache, Cached, LocalStore};
    /// let inner: Arc<dyn UserRepository> = Arc::new(pact_core::repository::MemoryRepository::<User>::new());
    /// let cached = Cached::<User>::new(inner, Cache::new(LocalStore::new(1 << 20)));
    /// # let _ = cached;
    /// # }
    /// ```
    #[must_use]
    pub fn new(inner: Arc<E::Dyn>, cache: Cache) -> Self {
        let keys = KeySpace::new(&cache.namespace, E::TABLE, E::SCHEMA_HASH);
        Self {
            inner,
            cache,
            keys,
            unit: None,
        }
    }

    /// The decorator of `inner`, a repository of `unit`: reads go to `inner` (they see the
    /// unit's writes), writes invalidate when the unit commits.
    ///
    /// ```
    /// # #[cfg(all(feature = "cache", feature = "sqlite"))] {
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// # #[derive(Debug, Clone, serde::Serialize, serde::Deserialize, pact_derive::Repository)]
    /// # #[repo(table = "users", crate = pact_core)]
    /// # pub struct User { #[repo(id, generated)] pub id: i64 }
    /// use pact_core::repository::{RepoError, Store};
    /// use pact_core::repository::cache::{Cache, Cached, LocalStore};
    ///
    /// let store = Store::<pact_core::sqlx::Sqlite>::memory();
    /// let cache = Cache::new(LocalStore::new(1 << 20));
    /// store
    ///     .transaction(|unit| {
    ///         let users = Cached::<User>::in_unit(unit.repository::<User>(), cache.clone(), &unit);
    ///         async move { users.inner().insert(User { id: 0 }).await.map(|_| ()) }
    ///     })
    ///     .await
    ///     .unwrap();
    /// # });
    /// # }
    /// ```
    #[must_use]
    pub fn in_unit<DB: SqlBackend>(
        inner: Arc<E::Dyn>,
        cache: Cache,
        unit: &UnitOfWork<DB>,
    ) -> Self {
        let mut cached = Self::new(inner, cache);
        cached.unit = Some(unit.commit_hooks());
        cached
    }

    /// The repository behind the cache.
    ///
    /// ```
    /// # #[cfg(feature = "cache")] {
    /// # #[derive(Debug, Clone, serde::Serialize, serde::Deserialize, pact_derive::Repository)]
    /// # #[repo(table = "users", crate = pact_core)]
    /// # pub struct User { #[repo(id, generated)] pub id: i64 }
    /// # use std::sync::Arc;
    /// # use pact_core::repository::cache::{Cache, Cached, LocalStore};
    /// let inner: Arc<dyn UserRepository> = Arc::new(pact_core::repository::MemoryRepository::<User>::new());
    /// let cached = Cached::<User>::new(Arc::clone(&inner), Cache::new(LocalStore::new(1 << 20)));
    /// assert!(Arc::ptr_eq(cached.inner(), &inner));
    /// # }
    /// ```
    #[must_use]
    pub fn inner(&self) -> &Arc<E::Dyn> {
        &self.inner
    }

    /// The entity under `key` (an id's key, its own guard) when the store answers at once and
    /// holds it at the key's generation: a hit that needs no future. `None` sends the read
    /// the whole way ([`bypass`](Self::bypass), the async lookup, single-flight), which also
    /// logs a store error.
    fn hit_now(&self, key: &str) -> Option<E> {
        if self.unit.is_some() || self.cache.shared.has_pending.load(Ordering::Acquire) {
            return None;
        }
        let mut entity = None;
        match self
            .cache
            .store
            .peek_now(key, &mut |value| entity = value.decode::<E>())?
        {
            Ok(_) => entity,
            Err(_) => None,
        }
    }

    /// Whether reads may use the cache now.
    async fn bypass(&self) -> bool {
        self.unit.is_some() || !self.cache.usable().await
    }

    fn push_entity_keys(&self, entity: &E, keys: &mut Vec<String>) {
        keys.push(self.keys.id(&entity.id_key()));
        for (field, part) in entity.unique_keys() {
            keys.push(self.keys.unique(field, &part));
        }
    }

    pub(crate) fn cache_id_keys<I: Serialize + ?Sized>(&self, id: &I, keys: &mut Vec<String>) {
        keys.push(self.keys.id(&key_part(id)));
    }

    pub(crate) fn cache_entity_keys(&self, entity: &E, keys: &mut Vec<String>) {
        self.push_entity_keys(entity, keys);
    }

    pub(crate) fn cache_entities_keys(&self, entities: &[E], keys: &mut Vec<String>) {
        for entity in entities {
            self.push_entity_keys(entity, keys);
        }
    }

    /// Cache-aside: the value under `key`, or `fetch`'s (one fetch per key and generation at a
    /// time), stored when `stored` gives something to store.
    async fn aside<T, R, F>(
        &self,
        key: &str,
        guard: &str,
        ttl: Duration,
        fetch: impl FnOnce() -> F,
        stored: impl FnOnce(&R) -> Option<&T>,
        hit: impl FnOnce(T) -> R,
    ) -> Result<R, RepoError>
    where
        T: Serialize + DeserializeOwned + Clone + Send + Sync + 'static,
        R: Clone + Send + Sync + 'static,
        F: Future<Output = Result<R, RepoError>>,
    {
        let Some(lookup) = self.cache.lookup(key, guard).await else {
            return fetch().await;
        };
        if let Some(value) = lookup.value.as_ref().and_then(Value::decode::<T>) {
            return Ok(hit(value));
        }
        let ticket = lookup.ticket;
        self.cache
            .shared
            .flights
            .run(key, ticket, async {
                let found = fetch().await?;
                if let Some(bytes) = stored(&found).and_then(|value| codec::encode(value)) {
                    self.cache.fill(key, guard, ticket, bytes, ttl).await;
                }
                Ok(found)
            })
            .await
    }

    /// A read by id that [`hit_now`](Self::hit_now) did not answer: cache-aside under `key`.
    pub(crate) async fn cache_find<'a>(
        &'a self,
        key: Key,
        fetch: impl FnOnce() -> RepoFuture<'a, Result<Option<E>, RepoError>>,
    ) -> Result<Option<E>, RepoError> {
        if self.bypass().await {
            return fetch().await;
        }
        let key = key.as_str();
        self.aside(key, key, self.cache.ttl, fetch, Option::as_ref, Some)
            .await
    }

    /// `get_by_id` that [`hit_now`](Self::hit_now) did not answer: cache-aside under `key`.
    pub(crate) async fn cache_get<'a>(
        &'a self,
        key: Key,
        fetch: impl FnOnce() -> RepoFuture<'a, Result<E, RepoError>>,
    ) -> Result<E, RepoError> {
        if self.bypass().await {
            return fetch().await;
        }
        let key = key.as_str();
        self.aside(key, key, self.cache.ttl, fetch, just, |entity| entity)
            .await
    }

    /// `exists` that [`hit_now`](Self::hit_now) did not answer: a cached entity under `key`,
    /// or the backing repository's answer (not stored: it holds no entity).
    pub(crate) async fn cache_exists<'a>(
        &'a self,
        key: Key,
        fetch: impl FnOnce() -> RepoFuture<'a, Result<bool, RepoError>>,
    ) -> Result<bool, RepoError> {
        if self.bypass().await {
            return fetch().await;
        }
        let key = key.as_str();
        if let Some(lookup) = self.cache.lookup(key, key).await
            && lookup.value.as_ref().and_then(Value::decode::<E>).is_some()
        {
            return Ok(true);
        }
        fetch().await
    }

    pub(crate) async fn cache_unique<'a>(
        &'a self,
        field: &'static str,
        part: String,
        fetch: impl FnOnce() -> RepoFuture<'a, Result<Option<E>, RepoError>>,
    ) -> Result<Option<E>, RepoError> {
        if self.bypass().await {
            return fetch().await;
        }
        let pointer = self.keys.unique(field, &part);
        let Some(lookup) = self.cache.lookup(&pointer, &pointer).await else {
            return fetch().await;
        };
        // The pointer leads to an id; the entity there must still hold the value.
        if let Some(id_part) = lookup
            .value
            .as_ref()
            .and_then(|value| std::str::from_utf8(value.bytes()).ok())
        {
            let key = self.keys.id(id_part);
            if let Some(entity) = self
                .cache
                .lookup(&key, &key)
                .await
                .and_then(|lookup| lookup.value.as_ref().and_then(Value::decode::<E>))
                && entity
                    .unique_keys()
                    .iter()
                    .any(|(name, held)| *name == field && *held == part)
            {
                return Ok(Some(entity));
            }
        }
        let ticket = lookup.ticket;
        self.cache
            .shared
            .flights
            .run(&pointer, ticket, async {
                let found = fetch().await?;
                if let Some(entity) = &found {
                    let id_part = entity.id_key();
                    // Only the pointer: the id's key has no ticket from before this read, so
                    // storing the entity there could store what a write just replaced. The
                    // next read by id fills it.
                    self.cache
                        .fill(
                            &pointer,
                            &pointer,
                            ticket,
                            id_part.into_bytes(),
                            self.cache.ttl,
                        )
                        .await;
                }
                Ok(found)
            })
            .await
    }

    /// A page or a count: cached only with [`Cache::cache_lists`].
    pub(crate) async fn cache_list<'a, T, R>(
        &'a self,
        method: &'static str,
        input: T,
        args: impl FnOnce(&T) -> String,
        fetch: impl FnOnce(T) -> RepoFuture<'a, Result<R, RepoError>>,
    ) -> Result<R, RepoError>
    where
        R: Serialize + DeserializeOwned + Clone + Send + Sync + 'static,
    {
        // The arguments' key is built only when lists are cached: a pass-through costs none.
        let Some(ttl) = self.cache.list_ttl else {
            return fetch(input).await;
        };
        if self.bypass().await {
            return fetch(input).await;
        }
        let key = self.keys.list(method, &args(&input));
        let guard = self.keys.all();
        self.aside(&key, &guard, ttl, move || fetch(input), just, |value| value)
            .await
    }

    /// A write: runs it, then invalidates `keys`, the keys of what it returned, and the
    /// entity's pages (in a unit: when the unit commits). A failed write invalidates too: it
    /// may have reached the database before it failed.
    pub(crate) async fn cache_write<'a, R: Written<E>>(
        &'a self,
        mut keys: Vec<String>,
        write: RepoFuture<'a, Result<R, RepoError>>,
    ) -> Result<R, RepoError> {
        let result = write.await;
        if let Ok(value) = &result {
            value.written_keys(self, &mut keys);
        }
        keys.push(self.keys.all());
        keys.sort_unstable();
        keys.dedup();
        if let Some(hooks) = &self.unit {
            let cache = self.cache.clone();
            hooks.push(Box::pin(async move { cache.invalidate(keys).await }));
        } else {
            self.cache.invalidate(keys).await;
        }
        result
    }
}

/// `Some(value)`, for any lifetime (the constructor `Some` is not).
#[allow(clippy::unnecessary_wraps)] // the shape `aside` takes
fn just<T>(value: &T) -> Option<&T> {
    Some(value)
}

/// `Page<E>` answers carry entities too, but a page write is no write.
impl<E: CacheEntity> Written<E> for Page<E> {
    fn written_keys(&self, cached: &Cached<E>, keys: &mut Vec<String>) {
        for entity in &self.items {
            cached.push_entity_keys(entity, keys);
        }
    }
}
