//! [`RedisStore`]: the store every instance of a service shares, on the `redis` crate (tokio,
//! a reconnecting multiplexed `ConnectionManager`), with a short timeout on every call.

use std::sync::Arc;
use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};

use super::{CacheError, CacheStore, Lookup, Value};
use crate::repository::BoxFuture;

/// The generation of `KEYS[2]` (created from the clock `KEYS[3]` when missing), and the value
/// of `KEYS[1]` when it was stored at that generation. Values are `<generation>:<bytes>`.
const GET: &str = r"
local g = redis.call('GET', KEYS[2])
if not g then
  g = tostring(redis.call('INCR', KEYS[3]))
  redis.call('SET', KEYS[2], g, 'EX', ARGV[1])
end
local v = redis.call('GET', KEYS[1])
if v then
  local sep = string.find(v, ':', 1, true)
  if sep and string.sub(v, 1, sep - 1) == g then
    return {g, string.sub(v, sep + 1)}
  end
end
return {g}
";

/// Stores `ARGV[2]` under `KEYS[1]` for `ARGV[3]` ms if the generation of `KEYS[2]` is still
/// `ARGV[1]`.
const PUT: &str = r"
if redis.call('GET', KEYS[2]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1] .. ':' .. ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0
";

/// A [`CacheStore`] on Redis, shared by every instance of a service: a write through any of
/// them invalidates for all. Behind the `redis` feature.
///
/// Every call is bounded by a short timeout (250 ms unless [`timeout`](Self::timeout) says
/// otherwise); a call that fails or times out is logged by the [`Cache`](super::Cache) and
/// answered by the backing repository, so Redis going away slows a service down to its
/// database and never fails it. The connection is made on first use and re-made after an
/// error, so a store can be built while Redis is down.
///
/// Each key's generation lives beside it (`<key>:g`, a day at most) and a global counter
/// (`pact:clock`) numbers them; the scripts name several keys, so the store runs on a
/// standalone Redis (or a primary), not Redis Cluster.
///
/// ```no_run
/// # async fn run() -> Result<(), pact_core::repository::cache::CacheError> {
/// use pact_core::repository::cache::{Cache, RedisStore};
///
/// let store = RedisStore::new("redis://127.0.0.1:6379")?;
/// let cache = Cache::new(store).namespace("billing");
/// # let _ = cache;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct RedisStore {
    connection: ConnectionManager,
    timeout: Duration,
    scripts: Arc<(redis::Script, redis::Script)>,
}

impl std::fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisStore")
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

const DEFAULT_TIMEOUT: Duration = Duration::from_millis(250);
const GENERATION_TTL_SECS: u64 = 24 * 60 * 60;

impl RedisStore {
    /// A store on the Redis at `url` (`redis://host:port/db`), connected on first use. Call it
    /// inside a tokio runtime.
    ///
    /// ```no_run
    /// # fn run() -> Result<(), pact_core::repository::cache::CacheError> {
    /// let store = pact_core::repository::cache::RedisStore::new("redis://127.0.0.1:6379/0")?;
    /// # let _ = store;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`CacheError`] when `url` is not a Redis URL.
    pub fn new(url: &str) -> Result<Self, CacheError> {
        Self::with_timeout(url, DEFAULT_TIMEOUT)
    }

    /// As [`new`](Self::new), with this bound on every call (connecting included).
    ///
    /// ```no_run
    /// # fn run() -> Result<(), pact_core::repository::cache::CacheError> {
    /// use std::time::Duration;
    /// let store = pact_core::repository::cache::RedisStore::with_timeout(
    ///     "redis://127.0.0.1:6379",
    ///     Duration::from_millis(50),
    /// )?;
    /// # let _ = store;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`CacheError`] when `url` is not a Redis URL.
    pub fn with_timeout(url: &str, timeout: Duration) -> Result<Self, CacheError> {
        let client = redis::Client::open(url).map_err(CacheError::from_redis)?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(timeout))
            .set_response_timeout(Some(timeout))
            .set_number_of_retries(1)
            .set_max_delay(timeout);
        let connection = ConnectionManager::new_lazy_with_config(client, config)
            .map_err(CacheError::from_redis)?;
        Ok(Self {
            connection,
            timeout,
            scripts: Arc::new((redis::Script::new(GET), redis::Script::new(PUT))),
        })
    }

    /// The timeout of every call.
    ///
    /// ```no_run
    /// # fn run() -> Result<(), pact_core::repository::cache::CacheError> {
    /// let store = pact_core::repository::cache::RedisStore::new("redis://127.0.0.1:6379")?;
    /// assert_eq!(store.timeout(), std::time::Duration::from_millis(250));
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    async fn bounded<T>(
        &self,
        call: impl Future<Output = redis::RedisResult<T>>,
    ) -> Result<T, CacheError> {
        match tokio::time::timeout(self.timeout, call).await {
            Ok(result) => result.map_err(CacheError::from_redis),
            Err(_) => Err(CacheError::new(format!(
                "Redis did not answer within {} ms",
                self.timeout.as_millis()
            ))),
        }
    }
}

fn generation_key(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 2);
    out.push_str(key);
    out.push_str(":g");
    out
}

impl CacheStore for RedisStore {
    fn get<'a>(
        &'a self,
        key: &'a str,
        guard: &'a str,
    ) -> BoxFuture<'a, Result<Lookup, CacheError>> {
        Box::pin(async move {
            let mut connection = self.connection.clone();
            let mut invocation = self.scripts.0.key(key);
            invocation
                .key(generation_key(guard))
                .key("pact:clock")
                .arg(GENERATION_TTL_SECS);
            let reply: Vec<Vec<u8>> = self
                .bounded(invocation.invoke_async(&mut connection))
                .await?;
            let mut reply = reply.into_iter();
            let ticket = reply
                .next()
                .and_then(|g| std::str::from_utf8(&g).ok()?.parse::<u64>().ok())
                .ok_or_else(|| {
                    CacheError::new("Redis answered a generation that is not a number")
                })?;
            Ok(Lookup {
                value: reply.next().map(Value::new),
                ticket,
            })
        })
    }

    fn put<'a>(
        &'a self,
        key: &'a str,
        guard: &'a str,
        ticket: u64,
        value: Vec<u8>,
        ttl: Duration,
    ) -> BoxFuture<'a, Result<bool, CacheError>> {
        Box::pin(async move {
            let mut connection = self.connection.clone();
            let ttl_ms = u64::try_from(ttl.as_millis()).unwrap_or(u64::MAX).max(1);
            let mut invocation = self.scripts.1.key(key);
            invocation
                .key(generation_key(guard))
                .arg(ticket)
                .arg(value)
                .arg(ttl_ms);
            let stored: i64 = self
                .bounded(invocation.invoke_async(&mut connection))
                .await?;
            Ok(stored == 1)
        })
    }

    fn invalidate<'a>(&'a self, keys: &'a [String]) -> BoxFuture<'a, Result<(), CacheError>> {
        Box::pin(async move {
            if keys.is_empty() {
                return Ok(());
            }
            let mut connection = self.connection.clone();
            let mut command = redis::cmd("DEL");
            for key in keys {
                command.arg(key.as_str()).arg(generation_key(key));
            }
            let _: i64 = self.bounded(command.query_async(&mut connection)).await?;
            Ok(())
        })
    }
}
