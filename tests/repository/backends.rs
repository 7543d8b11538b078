//! The four implementations, each behind the same generated traits, on a fresh namespace.

use std::io::Write as _;
use std::sync::Arc;

use pact::repository::{MemoryStore, SqlBackend, SqlEntity, Store};
use pact::sqlx;
use pact::{MemoryRepository, SqlRepository};

use crate::model::{
    Document, DocumentRepository, Reservation, ReservationRepository, Session, SessionRepository,
    Tag, TagRepository, User, UserRepository,
};

pub struct Backend {
    pub name: &'static str,
    pub users: Arc<dyn UserRepository>,
    pub tags: Arc<dyn TagRepository>,
    pub sessions: Arc<dyn SessionRepository>,
    pub reservations: Arc<dyn ReservationRepository>,
    pub documents: Arc<dyn DocumentRepository>,
    /// The largest statement the server accepts (MySQL's `max_allowed_packet`), if it has one.
    pub max_packet: Option<u64>,
    /// A store on the same tables, for units of work.
    pub units: Units,
    cleanup: Cleanup,
}

/// The store of each backend (memory stands in a `Store<Sqlite>`; it has no SQL).
pub enum Units {
    Memory(Store<sqlx::Sqlite>),
    Sqlite(Store<sqlx::Sqlite>),
    Postgres(Store<sqlx::Postgres>),
    MySql(Store<sqlx::MySql>),
}

enum Cleanup {
    None,
    File(std::path::PathBuf),
    Postgres(sqlx::PgPool, String),
    MySql(sqlx::MySqlPool, String),
}

/// A name no other test run uses.
fn namespace() -> String {
    format!("pact_t_{}", uuid::Uuid::new_v4().simple())
}

impl Backend {
    pub fn memory() -> Self {
        let store = MemoryStore::new();
        Self {
            name: "memory",
            users: Arc::new(store.repository::<User>()),
            tags: Arc::new(store.repository::<Tag>()),
            sessions: Arc::new(MemoryRepository::<Session>::new()),
            reservations: Arc::new(MemoryRepository::<Reservation>::new()),
            documents: Arc::new(MemoryRepository::<Document>::new()),
            max_packet: None,
            units: Units::Memory(Store::from_memory(store)),
            cleanup: Cleanup::None,
        }
    }

    /// A SQLite file database as a service opens one: WAL, a busy timeout, several
    /// connections.
    pub async fn sqlite_file() -> Self {
        let path = std::env::temp_dir().join(format!("{}.db", namespace()));
        let options = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true)
            .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
            .busy_timeout(std::time::Duration::from_secs(30));
        let pool = sqlx::sqlite::SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await
            .expect("a SQLite file opens");
        Self::on_sql::<sqlx::Sqlite>(
            "sqlite",
            pool,
            |pool| Units::Sqlite(Store::sql(pool)),
            Cleanup::File(path),
        )
        .await
    }

    /// A private in-memory database: one connection that never expires.
    pub async fn sqlite() -> Self {
        let pool = sqlx::sqlite::SqlitePoolOptions::new()
            .max_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect("sqlite::memory:")
            .await
            .expect("in-memory SQLite opens");
        Self::on_sql::<sqlx::Sqlite>(
            "sqlite",
            pool,
            |pool| Units::Sqlite(Store::sql(pool)),
            Cleanup::None,
        )
        .await
    }

    /// A fresh schema on `PACT_TEST_POSTGRES_URL`, or `None` (with the reason printed).
    pub async fn postgres() -> Option<Self> {
        let url = url("PACT_TEST_POSTGRES_URL")?;
        let schema = namespace();
        let admin = sqlx::PgPool::connect(&url)
            .await
            .unwrap_or_else(|err| panic!("PACT_TEST_POSTGRES_URL is set but unreachable: {err}"));
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")))
            .execute(&admin)
            .await
            .expect("create schema");
        let options: sqlx::postgres::PgConnectOptions = url.parse().expect("postgres url");
        let pool = sqlx::postgres::PgPoolOptions::new()
            .max_connections(16)
            // Deadlocks are looked for after `deadlock_timeout` (1 s by default); the contention
            // scenario makes many, so the test sessions look sooner where the role may say so
            // (a superuser); elsewhere the scenario only runs slower.
            .after_connect(|connection, _| {
                Box::pin(async move {
                    let _ = sqlx::query("SET deadlock_timeout = '100ms'")
                        .execute(connection)
                        .await;
                    Ok(())
                })
            })
            .connect_with(options.options([("search_path", schema.as_str())]))
            .await
            .expect("connect to the test schema");
        Some(
            Self::on_sql::<sqlx::Postgres>(
                "postgres",
                pool,
                |pool| Units::Postgres(Store::sql(pool)),
                Cleanup::Postgres(admin, schema),
            )
            .await,
        )
    }

    /// A fresh database on `PACT_TEST_MYSQL_URL`, or `None` (with the reason printed).
    pub async fn mysql() -> Option<Self> {
        let url = url("PACT_TEST_MYSQL_URL")?;
        let database = namespace();
        let admin = sqlx::MySqlPool::connect(&url)
            .await
            .unwrap_or_else(|err| panic!("PACT_TEST_MYSQL_URL is set but unreachable: {err}"));
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {database}")))
            .execute(&admin)
            .await
            .expect("create database");
        let options: sqlx::mysql::MySqlConnectOptions = url.parse().expect("mysql url");
        let pool = sqlx::mysql::MySqlPoolOptions::new()
            .max_connections(16)
            .connect_with(options.database(&database))
            .await
            .expect("connect to the test database");
        let max_packet: u64 = sqlx::query_scalar("SELECT @@max_allowed_packet")
            .fetch_one(&pool)
            .await
            .expect("max_allowed_packet");
        let mut backend = Self::on_sql::<sqlx::MySql>(
            "mysql",
            pool,
            |pool| Units::MySql(Store::sql(pool)),
            Cleanup::MySql(admin, database),
        )
        .await;
        backend.max_packet = Some(max_packet);
        Some(backend)
    }

    /// The three SQL repositories on one pool, their tables created from the generated SQL.
    async fn on_sql<DB>(
        name: &'static str,
        pool: DB::Pool,
        units: impl FnOnce(DB::Pool) -> Units,
        cleanup: Cleanup,
    ) -> Self
    where
        DB: SqlBackend,
        SqlRepository<DB, User>: UserRepository,
        SqlRepository<DB, Tag>: TagRepository,
        SqlRepository<DB, Session>: SessionRepository,
        SqlRepository<DB, Reservation>: ReservationRepository,
        SqlRepository<DB, Document>: DocumentRepository,
        User: SqlEntity<DB>,
        Document: SqlEntity<DB>,
        Tag: SqlEntity<DB>,
        Session: SqlEntity<DB>,
        Reservation: SqlEntity<DB>,
    {
        let users = SqlRepository::<DB, User>::new(pool.clone());
        let tags = SqlRepository::<DB, Tag>::new(pool.clone());
        let sessions = SqlRepository::<DB, Session>::new(pool.clone());
        let documents = SqlRepository::<DB, Document>::new(pool.clone());
        let reservations = SqlRepository::<DB, Reservation>::new(pool.clone());
        users.create_table().await.expect("create users");
        tags.create_table().await.expect("create tags");
        sessions.create_table().await.expect("create sessions");
        reservations
            .create_table()
            .await
            .expect("create a table whose constraint names pass 64 bytes");
        documents.create_table().await.expect("create documents");
        Self {
            name,
            users: Arc::new(users),
            tags: Arc::new(tags),
            sessions: Arc::new(sessions),
            reservations: Arc::new(reservations),
            documents: Arc::new(documents),
            max_packet: None,
            units: units(pool),
            cleanup,
        }
    }

    /// Drops the schema or database the test ran in.
    pub async fn cleanup(self) {
        match self.cleanup {
            Cleanup::None => {}
            Cleanup::File(path) => {
                if let Units::Sqlite(store) = &self.units
                    && let Some(pool) = store.pool()
                {
                    pool.close().await;
                }
                for suffix in ["", "-wal", "-shm"] {
                    let mut file = path.clone().into_os_string();
                    file.push(suffix);
                    let _ = std::fs::remove_file(file);
                }
            }
            Cleanup::Postgres(admin, schema) => {
                sqlx::query(sqlx::AssertSqlSafe(format!("DROP SCHEMA {schema} CASCADE")))
                    .execute(&admin)
                    .await
                    .expect("drop schema");
            }
            Cleanup::MySql(admin, database) => {
                sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE {database}")))
                    .execute(&admin)
                    .await
                    .expect("drop database");
            }
        }
    }
}

fn url(var: &str) -> Option<String> {
    match std::env::var(var) {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            // Straight to the process's stderr: libtest captures `eprintln!` of passing tests,
            // and a skip must be seen.
            let _ = writeln!(
                std::io::stderr(),
                "skipped: {var} is not set (see DEVELOPERS.md); this backend was not tested"
            );
            None
        }
    }
}
