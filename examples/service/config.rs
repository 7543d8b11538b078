//! The service's settings, read from the environment, with defaults that are safe for a demo:
//! loopback only, an in-memory SQLite database, a random token secret, no CORS origin.

use std::net::SocketAddr;
use std::time::Duration;

/// A secret that never shows in `Debug` output (and so never in logs).
#[derive(Clone)]
pub struct Secret(Vec<u8>);

impl Secret {
    /// Wraps the bytes.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Self(bytes.into())
    }

    /// 32 random bytes from the operating system.
    pub fn random() -> Self {
        let mut bytes = argon2::password_hash::generate_salt().to_vec();
        bytes.extend_from_slice(&argon2::password_hash::generate_salt());
        Self(bytes)
    }

    /// The bytes.
    pub fn expose(&self) -> &[u8] {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(..)")
    }
}

/// The cost of argon2id (RFC 9106). The defaults are OWASP's minimum for argon2id: 19 MiB,
/// two passes, one lane. Tests lower them through [`Config::for_tests`].
#[derive(Debug, Clone, Copy)]
pub struct HashCost {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl Default for HashCost {
    fn default() -> Self {
        Self {
            memory_kib: 19 * 1024,
            iterations: 2,
            parallelism: 1,
        }
    }
}

/// How many requests one client (by peer IP) may make: a bucket of `burst` requests, refilled
/// with one every `interval`.
#[derive(Debug, Clone, Copy)]
pub struct RateLimit {
    pub interval: Duration,
    pub burst: u32,
}

/// Everything the service reads at start.
#[derive(Debug, Clone)]
pub struct Config {
    /// `PACT_SERVICE_ADDR`, default `127.0.0.1:3000` (port 0: any free port).
    pub addr: SocketAddr,
    /// `DATABASE_URL`: `sqlite::memory:` (default), `sqlite://file.db`, `postgres://...` or
    /// `mysql://...`.
    pub database_url: String,
    /// `PACT_SERVICE_DB_CONNECTIONS`, default 8 (SQLite in memory: always 1).
    pub max_connections: u32,
    /// `PACT_SERVICE_TOKEN_SECRET`: the HS256 key; default 32 random bytes per start (tokens
    /// then die with the process).
    pub token_secret: Secret,
    /// `PACT_SERVICE_TOKEN_TTL_SECS`, default 3600.
    pub token_ttl: Duration,
    /// `PACT_SERVICE_ADMIN_EMAIL`: whoever signs up with this address is an admin; default
    /// nobody.
    pub admin_email: Option<String>,
    /// `PACT_SERVICE_BODY_LIMIT`, bytes, default 65536.
    pub body_limit: usize,
    /// `PACT_SERVICE_TIMEOUT_MS`, default 10000.
    pub request_timeout: Duration,
    /// `PACT_SERVICE_RATE_INTERVAL_MS` (default 10) and `PACT_SERVICE_RATE_BURST` (default
    /// 200); `PACT_SERVICE_RATE_BURST=0` turns rate limiting off.
    pub rate_limit: Option<RateLimit>,
    /// `PACT_SERVICE_CORS_ORIGINS`: comma-separated origins allowed to call the API from a
    /// browser; default none.
    pub cors_origins: Vec<String>,
    /// `PACT_SERVICE_ARGON2_MEMORY_KIB`, `PACT_SERVICE_ARGON2_ITERATIONS`,
    /// `PACT_SERVICE_ARGON2_PARALLELISM`.
    pub hash_cost: HashCost,
}

/// A setting that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("environment variable {name}: {problem}")]
pub struct ConfigError {
    name: &'static str,
    problem: String,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 3000)),
            database_url: "sqlite::memory:".into(),
            max_connections: 8,
            token_secret: Secret::random(),
            token_ttl: Duration::from_secs(3600),
            admin_email: None,
            body_limit: 64 * 1024,
            request_timeout: Duration::from_secs(10),
            rate_limit: Some(RateLimit {
                interval: Duration::from_millis(10),
                burst: 200,
            }),
            cors_origins: Vec::new(),
            hash_cost: HashCost::default(),
        }
    }
}

impl Config {
    /// Reads the environment; unset variables keep their defaults.
    ///
    /// # Errors
    /// A variable that is set but cannot be read as its type.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads settings through `lookup` (the environment, or a map in tests).
    ///
    /// # Errors
    /// A value that cannot be read as its type.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let mut config = Self::default();
        let get = |name: &'static str| lookup(name).filter(|value| !value.trim().is_empty());
        if let Some(addr) = get("PACT_SERVICE_ADDR") {
            config.addr = parse("PACT_SERVICE_ADDR", &addr)?;
        }
        if let Some(url) = get("DATABASE_URL") {
            config.database_url = url;
        }
        if let Some(n) = get("PACT_SERVICE_DB_CONNECTIONS") {
            config.max_connections = parse("PACT_SERVICE_DB_CONNECTIONS", &n)?;
        }
        if let Some(secret) = get("PACT_SERVICE_TOKEN_SECRET") {
            if secret.len() < 32 {
                return Err(ConfigError {
                    name: "PACT_SERVICE_TOKEN_SECRET",
                    problem: "must be at least 32 bytes".into(),
                });
            }
            config.token_secret = Secret::new(secret.into_bytes());
        }
        if let Some(secs) = get("PACT_SERVICE_TOKEN_TTL_SECS") {
            config.token_ttl = Duration::from_secs(parse("PACT_SERVICE_TOKEN_TTL_SECS", &secs)?);
        }
        config.admin_email =
            get("PACT_SERVICE_ADMIN_EMAIL").map(|email| email.trim().to_lowercase());
        if let Some(limit) = get("PACT_SERVICE_BODY_LIMIT") {
            config.body_limit = parse("PACT_SERVICE_BODY_LIMIT", &limit)?;
        }
        if let Some(ms) = get("PACT_SERVICE_TIMEOUT_MS") {
            config.request_timeout = Duration::from_millis(parse("PACT_SERVICE_TIMEOUT_MS", &ms)?);
        }
        let interval = get("PACT_SERVICE_RATE_INTERVAL_MS")
            .map(|ms| parse::<u64>("PACT_SERVICE_RATE_INTERVAL_MS", &ms))
            .transpose()?;
        let burst = get("PACT_SERVICE_RATE_BURST")
            .map(|n| parse::<u32>("PACT_SERVICE_RATE_BURST", &n))
            .transpose()?;
        if let Some(limit) = &mut config.rate_limit {
            if let Some(ms) = interval {
                limit.interval = Duration::from_millis(ms.max(1));
            }
            if let Some(burst) = burst {
                limit.burst = burst;
            }
        }
        if burst == Some(0) {
            config.rate_limit = None;
        }
        if let Some(origins) = get("PACT_SERVICE_CORS_ORIGINS") {
            config.cors_origins = origins
                .split(',')
                .map(str::trim)
                .filter(|origin| !origin.is_empty())
                .map(str::to_owned)
                .collect();
        }
        if let Some(kib) = get("PACT_SERVICE_ARGON2_MEMORY_KIB") {
            config.hash_cost.memory_kib = parse("PACT_SERVICE_ARGON2_MEMORY_KIB", &kib)?;
        }
        if let Some(t) = get("PACT_SERVICE_ARGON2_ITERATIONS") {
            config.hash_cost.iterations = parse("PACT_SERVICE_ARGON2_ITERATIONS", &t)?;
        }
        if let Some(p) = get("PACT_SERVICE_ARGON2_PARALLELISM") {
            config.hash_cost.parallelism = parse("PACT_SERVICE_ARGON2_PARALLELISM", &p)?;
        }
        Ok(config)
    }

    /// A configuration for tests: any free port, in-memory SQLite, the cheapest argon2
    /// parameters, no rate limit.
    pub fn for_tests() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            hash_cost: HashCost {
                memory_kib: 8,
                iterations: 1,
                parallelism: 1,
            },
            rate_limit: None,
            ..Self::default()
        }
    }
}

fn parse<T: std::str::FromStr>(name: &'static str, value: &str) -> Result<T, ConfigError>
where
    T::Err: std::fmt::Display,
{
    value.trim().parse().map_err(|err: T::Err| ConfigError {
        name,
        problem: err.to_string(),
    })
}
