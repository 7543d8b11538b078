//! The example service as a module tree: `main.rs` runs it, and `tests/service/` includes the
//! same files (`#[path]`) to start it on an ephemeral port and to unit-test its services.
//!
//! Layers: [`http`] (handlers, middleware, OpenAPI) → [`services`] (rules and permission
//! checks over `Arc<dyn Storage>`) → [`domain`] (the entities; `#[derive(Repository)]`
//! writes their repositories). [`dto`] holds the bodies, [`errors`] every failure as an
//! `ApiError`, [`config`] the settings.

pub mod config;
pub mod domain;
pub mod dto;
pub mod errors;
pub mod http;
pub mod services;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use pact::repository::{SqlBackend, SqlEntity, Store};
use pact::{RepoError, SqlRepository};

use config::Config;
use domain::{Note, User};
use errors::ServiceError;
use services::{Notes, Storage, Users};

/// Why the service did not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(
        "DATABASE_URL must start with sqlite:, postgres://, postgresql://, mysql:// or mariadb://"
    )]
    UnsupportedUrl,
    #[error("DATABASE_URL names {0}, but this build lacks the `{0}` feature")]
    MissingFeature(&'static str),
    #[error("cannot open the database: {0}")]
    Connect(#[from] pact::sqlx::Error),
    #[error("cannot create the tables: {0}")]
    Tables(#[from] RepoError),
    #[error(transparent)]
    Service(#[from] ServiceError),
}

/// A ready application: the router and what it runs on.
pub struct App {
    pub router: Router,
    pub storage: Arc<dyn Storage>,
    /// `sqlite`, `postgres` or `mysql`.
    pub backend: &'static str,
}

/// Opens the database `config` names, creates the tables from the generated DDL and builds
/// the router.
///
/// # Errors
/// A URL of an unknown or disabled backend, a database that cannot be reached, settings that
/// do not work.
pub async fn app(config: &Config) -> Result<App, StartError> {
    let (storage, backend) = connect(config).await?;
    Ok(App {
        router: router(storage.clone(), config)?,
        storage,
        backend,
    })
}

/// The router over `storage` (the unit tests' memory store, or a database).
///
/// # Errors
/// Hashing or token settings that do not work.
pub fn router(storage: Arc<dyn Storage>, config: &Config) -> Result<Router, StartError> {
    let state = http::AppState {
        users: Arc::new(Users::new(storage.clone(), config)?),
        notes: Arc::new(Notes::new(storage)),
    };
    Ok(http::router(state, config))
}

/// Opens the storage `config.database_url` names and creates the tables.
///
/// # Errors
/// See [`app`].
pub async fn connect(config: &Config) -> Result<(Arc<dyn Storage>, &'static str), StartError> {
    let url = config.database_url.as_str();
    if url.starts_with("sqlite:") {
        use pact::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
        let in_memory = url.contains(":memory:") || url.contains("mode=memory");
        let options: SqliteConnectOptions = url.parse()?;
        let pool = if in_memory {
            // Every connection to an in-memory database is a database of its own: keep one.
            SqlitePoolOptions::new()
                .max_connections(1)
                .idle_timeout(None)
                .max_lifetime(None)
                .connect_with(options)
                .await?
        } else {
            let options = options
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .busy_timeout(Duration::from_secs(10));
            SqlitePoolOptions::new()
                .max_connections(config.max_connections)
                .connect_with(options)
                .await?
        };
        return Ok((open::<pact::sqlx::Sqlite>(pool).await?, "sqlite"));
    }
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        #[cfg(feature = "postgres")]
        {
            let pool = pact::sqlx::postgres::PgPoolOptions::new()
                .max_connections(config.max_connections)
                .connect(url)
                .await?;
            return Ok((open::<pact::sqlx::Postgres>(pool).await?, "postgres"));
        }
        #[cfg(not(feature = "postgres"))]
        return Err(StartError::MissingFeature("postgres"));
    }
    if url.starts_with("mysql://") || url.starts_with("mariadb://") {
        #[cfg(feature = "mysql")]
        {
            let url = url.replacen("mariadb://", "mysql://", 1);
            let pool = pact::sqlx::mysql::MySqlPoolOptions::new()
                .max_connections(config.max_connections)
                .connect(&url)
                .await?;
            return Ok((open::<pact::sqlx::MySql>(pool).await?, "mysql"));
        }
        #[cfg(not(feature = "mysql"))]
        return Err(StartError::MissingFeature("mysql"));
    }
    Err(StartError::UnsupportedUrl)
}

/// The storage on `pool`, with both tables created from the generated `CREATE TABLE`.
///
/// # Errors
/// The database refused the DDL.
pub async fn open<DB: SqlBackend>(pool: DB::Pool) -> Result<Arc<dyn Storage>, RepoError>
where
    User: SqlEntity<DB>,
    Note: SqlEntity<DB>,
    Store<DB>: Storage,
{
    SqlRepository::<DB, User>::new(pool.clone())
        .create_table()
        .await?;
    SqlRepository::<DB, Note>::new(pool.clone())
        .create_table()
        .await?;
    Ok(services::storage(Store::<DB>::sql(pool)))
}

/// Serves `router` on `listener` until `shutdown` completes, then stops accepting and lets
/// the requests in flight finish.
///
/// # Errors
/// The listener failed.
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}

/// Completes on Ctrl-C or, on Unix, SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing the requests in flight");
}
