//! [`RedisStore`]: the store every instance of a service shares, on the `redis` crate (tokio,
//! a reconnecting multiplexed `ConnectionManager`), with a short timeout on every call.

use std::sync::Arc;
use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};

use super::{CacheError, CacheStore, Lookup, Value};
use crate::repository::BoxFuture;

/// The generation of `KEYS[2]` (created from the clock `KEYS[3]` when missing), and the value
/// of `KEYS[1]` when it was stored at that generation. Values are `<generation>:<bytes>`. Only
/// a read whose guard has no generation runs it ([`read_command`] answers the others).
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
/// A read is one plain `MGET <guard>:g <key>` (no Lua; the guard is the key itself for reads by
/// id and unique value), the generation compared on this side;
/// only a read that finds no generation (the first, or the first after an invalidation) runs
/// a script that makes one, and a fill is a script that stores only at the generation its
/// read saw. A hit costs one loopback round trip and the parse of its answer: medians of
/// 15-26 µs in `benches/cache.rs` on a 2-core VM at a load average of 1.9-3.6, where a SQLite
/// read of a warm WAL file took 19-146 µs; on the same VM when quiet, some runs slow both
/// down to 70-190 µs, the Redis hit the more (README, caching under `#[derive(Repository)]`).
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
            // No timer of its own per request: `bounded` times every call, connecting included.
            .set_response_timeout(None)
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

/// `MGET <guard>:g <key>`, the read every hit makes: one plain command, atomic as the script
/// is, without Lua on the server.
fn read_command(key: &str, guard: &str) -> redis::Cmd {
    use redis::RedisWrite as _;
    use std::io::Write as _;

    let mut command = redis::Cmd::with_capacity(3, 4 + guard.len() + 2 + key.len());
    command.arg("MGET");
    let mut generation = command.writer_for_next_arg();
    // Writes into the command's own `Vec`: they cannot fail.
    let _ = generation.write_all(guard.as_bytes());
    let _ = generation.write_all(b":g");
    drop(generation);
    command.arg(key);
    command
}

/// What `MGET <guard>:g <key>` answered: `None` when the guard has no generation yet (the
/// script makes one), else the lookup it answers (the value if it was stored at that
/// generation, as the script compares it).
fn read_reply(reply: redis::Value) -> Result<Option<Lookup>, CacheError> {
    let redis::Value::Array(items) = reply else {
        return Err(CacheError::new(
            "Redis answered MGET with something else than an array",
        ));
    };
    let mut items = items.into_iter();
    let (Some(generation), Some(stored), None) = (items.next(), items.next(), items.next()) else {
        return Err(CacheError::new(
            "Redis answered MGET with other than two values",
        ));
    };
    let generation = match generation {
        redis::Value::Nil => return Ok(None),
        redis::Value::BulkString(bytes) => bytes,
        _ => {
            return Err(CacheError::new(
                "Redis answered a generation that is not a string",
            ));
        }
    };
    let ticket = parse_generation(&generation)?;
    let value = match stored {
        redis::Value::BulkString(bytes) => current_bytes(&bytes, &generation).map(Value::new),
        _ => None,
    };
    Ok(Some(Lookup { value, ticket }))
}

/// The bytes of a stored `<generation>:<bytes>` if it was stored at `generation`.
fn current_bytes<'v>(stored: &'v [u8], generation: &[u8]) -> Option<&'v [u8]> {
    let rest = stored.strip_prefix(generation)?;
    rest.strip_prefix(b":")
}

fn parse_generation(generation: &[u8]) -> Result<u64, CacheError> {
    std::str::from_utf8(generation)
        .ok()
        .and_then(|g| g.parse::<u64>().ok())
        .ok_or_else(|| CacheError::new("Redis answered a generation that is not a number"))
}

impl RedisStore {
    /// The script's read: makes the guard's generation from the clock when it has none, then
    /// answers as [`read_reply`] does.
    async fn read_with_script(&self, key: &str, guard: &str) -> Result<Lookup, CacheError> {
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
        let ticket = parse_generation(&reply.next().unwrap_or_default())?;
        Ok(Lookup {
            value: reply.next().map(Value::new),
            ticket,
        })
    }
}

impl CacheStore for RedisStore {
    /// One `MGET` of the guard's generation and the key (a hit, or a miss whose guard has a
    /// generation); the script only when the guard has none yet. Both read atomically, and a
    /// [`put`](CacheStore::put) checks the ticket in its own script, so a value read or stored
    /// is always the one of the guard's current generation.
    fn get<'a>(
        &'a self,
        key: &'a str,
        guard: &'a str,
    ) -> BoxFuture<'a, Result<Lookup, CacheError>> {
        Box::pin(async move {
            let mut connection = self.connection.clone();
            let command = read_command(key, guard);
            let reply = self
                .bounded(connection.send_packed_command(&command))
                .await?;
            match read_reply(reply)? {
                Some(lookup) => Ok(lookup),
                None => self.read_with_script(key, guard).await,
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use redis::Value as Reply;

    fn bulk(bytes: &[u8]) -> Reply {
        Reply::BulkString(bytes.to_vec())
    }

    fn read(generation: Reply, stored: Reply) -> Result<Option<Lookup>, CacheError> {
        read_reply(Reply::Array(vec![generation, stored]))
    }

    #[test]
    fn the_read_is_one_mget_of_the_generation_then_the_key() {
        let packed = read_command("pact:users:1", "pact:users:all").get_packed_command();
        assert_eq!(
            packed,
            b"*3\r\n$4\r\nMGET\r\n$16\r\npact:users:all:g\r\n$12\r\npact:users:1\r\n"
        );
    }

    #[test]
    fn a_value_is_current_only_at_its_own_generation() {
        let hit = read(bulk(b"12"), bulk(b"12:\x01\x02")).unwrap().unwrap();
        assert_eq!(hit.ticket, 12);
        assert_eq!(hit.value.as_ref().map(Value::bytes), Some(&[1, 2][..]));
        // Stored at another generation, one its digits start, or one a prefix of its own.
        for stored in [&b"11:\x01"[..], b"1:\x01", b"123:\x01", b"12\x01", b""] {
            let miss = read(bulk(b"12"), bulk(stored)).unwrap().unwrap();
            assert_eq!(miss.ticket, 12);
            assert!(miss.value.is_none(), "{stored:?} is not current at 12");
        }
        // No value: a miss at the generation there is.
        let miss = read(bulk(b"7"), Reply::Nil).unwrap().unwrap();
        assert_eq!((miss.ticket, miss.value.is_none()), (7, true));
        // An empty value stored at the generation is a value.
        let empty = read(bulk(b"7"), bulk(b"7:")).unwrap().unwrap();
        assert_eq!(empty.value.as_ref().map(Value::bytes), Some(&[][..]));
    }

    #[test]
    fn no_generation_sends_the_read_to_the_script() {
        assert!(read(Reply::Nil, bulk(b"3:\x01")).unwrap().is_none());
        assert!(read(Reply::Nil, Reply::Nil).unwrap().is_none());
    }

    #[test]
    fn other_answers_are_errors() {
        assert!(read(bulk(b"x1"), Reply::Nil).is_err());
        assert!(read(bulk(b""), Reply::Nil).is_err());
        assert!(read(Reply::Int(3), Reply::Nil).is_err());
        assert!(read_reply(Reply::Array(vec![bulk(b"1")])).is_err());
        assert!(read_reply(Reply::Array(vec![bulk(b"1"), Reply::Nil, Reply::Nil])).is_err());
        assert!(read_reply(Reply::Nil).is_err());
    }
}
