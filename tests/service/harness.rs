//! Starting the service on an ephemeral port, one fresh database per test, and a client
//! whose every answer is checked: never a 5xx, every error a problem with the request id.

use std::time::Duration;

use reqwest::Method;
use reqwest::header::HeaderMap;
use serde_json::{Value, json};
use tokio::sync::oneshot;

use crate::service;
use crate::service::config::Config;

/// Where a test's database lives, and how it is removed after the test.
pub enum Database {
    Sqlite,
    SqliteFile(std::path::PathBuf),
    #[allow(dead_code)]
    Postgres {
        admin: pact::sqlx::PgPool,
        schema: String,
    },
    #[allow(dead_code)]
    MySql {
        admin: pact::sqlx::MySqlPool,
        database: String,
    },
}

fn namespace() -> String {
    format!("pact_t_{}", uuid::Uuid::new_v4().simple())
}

fn env_url(name: &str) -> Option<String> {
    match std::env::var(name) {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            println!("skipped: {name} is not set");
            None
        }
    }
}

impl Database {
    /// The in-memory SQLite database (the default of the demo).
    pub fn sqlite(config: &mut Config) -> Self {
        config.database_url = "sqlite::memory:".into();
        Self::Sqlite
    }

    /// A SQLite file, opened in WAL mode with several connections.
    pub fn sqlite_file(config: &mut Config) -> Self {
        let path = std::env::temp_dir().join(format!("{}.db", namespace()));
        config.database_url = format!("sqlite://{}", path.display());
        Self::SqliteFile(path)
    }

    /// A fresh schema on `PACT_TEST_POSTGRES_URL`, or `None` with the reason printed.
    pub async fn postgres(config: &mut Config) -> Option<Self> {
        let url = env_url("PACT_TEST_POSTGRES_URL")?;
        let schema = namespace();
        let admin = pact::sqlx::PgPool::connect(&url)
            .await
            .unwrap_or_else(|err| panic!("PACT_TEST_POSTGRES_URL is set but unreachable: {err}"));
        pact::sqlx::query(pact::sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")))
            .execute(&admin)
            .await
            .expect("create schema");
        let separator = if url.contains('?') { '&' } else { '?' };
        config.database_url = format!("{url}{separator}options=-c%20search_path%3D{schema}");
        Some(Self::Postgres { admin, schema })
    }

    /// A fresh database on `PACT_TEST_MYSQL_URL`, or `None` with the reason printed.
    pub async fn mysql(config: &mut Config) -> Option<Self> {
        let url = env_url("PACT_TEST_MYSQL_URL")?;
        let database = namespace();
        let admin = pact::sqlx::MySqlPool::connect(&url)
            .await
            .unwrap_or_else(|err| panic!("PACT_TEST_MYSQL_URL is set but unreachable: {err}"));
        pact::sqlx::query(pact::sqlx::AssertSqlSafe(format!(
            "CREATE DATABASE {database}"
        )))
        .execute(&admin)
        .await
        .expect("create database");
        let (base, _) = url
            .split_once('?')
            .map_or((url.as_str(), ""), |(base, query)| (base, query));
        let (server, _) = base
            .rsplit_once('/')
            .expect("a database in PACT_TEST_MYSQL_URL");
        config.database_url = format!("{server}/{database}");
        Some(Self::MySql { admin, database })
    }

    /// Removes what the test created (only when it passed: a failing test stops before).
    pub async fn drop(self) {
        match self {
            Self::Sqlite => {}
            Self::SqliteFile(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Self::Postgres { admin, schema } => {
                pact::sqlx::query(pact::sqlx::AssertSqlSafe(format!(
                    "DROP SCHEMA {schema} CASCADE"
                )))
                .execute(&admin)
                .await
                .expect("drop schema");
            }
            Self::MySql { admin, database } => {
                pact::sqlx::query(pact::sqlx::AssertSqlSafe(format!(
                    "DROP DATABASE {database}"
                )))
                .execute(&admin)
                .await
                .expect("drop database");
            }
        }
    }
}

/// A test configuration: any free port, cheap argon2, no rate limit, an admin address.
pub fn config() -> Config {
    Config {
        admin_email: Some("root@example.com".into()),
        ..Config::for_tests()
    }
}

/// A running service.
pub struct Server {
    pub base: String,
    pub backend: &'static str,
    client: reqwest::Client,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

impl Server {
    /// Starts the service of `config` on `127.0.0.1:0`.
    pub async fn start(config: &Config) -> Self {
        let app = service::app(config).await.expect("the service starts");
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(service::serve(listener, app.router, async move {
            let _ = stopped.await;
        }));
        Self {
            base,
            backend: app.backend,
            client: reqwest::Client::builder()
                .timeout(Duration::from_secs(60))
                .build()
                .expect("client"),
            stop: Some(stop),
            task: Some(task),
        }
    }

    /// Asks the server to stop and waits until the requests in flight are answered.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            task.await.expect("server task").expect("server");
        }
    }

    /// Sends a request; `body` is sent as JSON unless `raw` says otherwise.
    pub fn request(&self, method: Method, path: &str) -> Call<'_> {
        Call {
            server: self,
            builder: self.client.request(method, format!("{}{path}", self.base)),
        }
    }

    pub fn get(&self, path: &str) -> Call<'_> {
        self.request(Method::GET, path)
    }

    pub fn post(&self, path: &str) -> Call<'_> {
        self.request(Method::POST, path)
    }

    pub fn patch(&self, path: &str) -> Call<'_> {
        self.request(Method::PATCH, path)
    }

    pub fn delete(&self, path: &str) -> Call<'_> {
        self.request(Method::DELETE, path)
    }

    /// POSTs `body` over a plain socket, reading the answer while the body is still being
    /// written: a server that refuses a body by its `Content-Length` answers and closes
    /// before the client is done, which a client that first writes everything (reqwest)
    /// reports as a broken pipe instead of the answer.
    pub async fn post_while_sending(&self, path: &str, content_type: &str, body: Vec<u8>) -> Reply {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let addr = self.base.trim_start_matches("http://");
        let stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
        let (mut read, mut write) = stream.into_split();
        let head = format!(
            "POST {path} HTTP/1.1\r\nhost: {addr}\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\n\r\n",
            body.len()
        );
        let writer = tokio::spawn(async move {
            if write.write_all(head.as_bytes()).await.is_ok() {
                let _ = write.write_all(&body).await;
            }
        });
        let mut bytes = Vec::new();
        let mut buffer = [0; 8192];
        let (head_end, length) = loop {
            let n = read
                .read(&mut buffer)
                .await
                .expect("the server answers before it closes");
            assert!(n > 0, "closed without an answer");
            bytes.extend_from_slice(&buffer[..n]);
            if let Some(end) = bytes.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&bytes[..end]).to_lowercase();
                let length = head
                    .lines()
                    .find_map(|line| line.strip_prefix("content-length:"))
                    .map_or(0, |value| value.trim().parse::<usize>().expect("a length"));
                break (end + 4, length);
            }
        };
        while bytes.len() < head_end + length {
            let n = read.read(&mut buffer).await.expect("the body");
            assert!(n > 0, "closed inside the body");
            bytes.extend_from_slice(&buffer[..n]);
        }
        writer.abort();
        let head = String::from_utf8_lossy(&bytes[..head_end - 4]).into_owned();
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|line| line.split(' ').nth(1))
            .and_then(|code| code.parse().ok())
            .expect("a status");
        let mut headers = HeaderMap::new();
        for line in lines {
            if let Some((name, value)) = line.split_once(':') {
                headers.append(
                    reqwest::header::HeaderName::from_bytes(name.trim().as_bytes())
                        .expect("a name"),
                    reqwest::header::HeaderValue::from_str(value.trim()).expect("a value"),
                );
            }
        }
        check(Reply {
            status,
            headers,
            body: bytes[head_end..head_end + length].to_vec(),
        })
    }

    /// Signs up and returns the user.
    pub async fn signup(&self, email: &str, name: &str, password: &str) -> Value {
        let reply = self
            .post("/users")
            .json(&json!({"email": email, "name": name, "password": password}))
            .send()
            .await;
        assert_eq!(reply.status, 201, "{}", reply.text());
        reply.json()
    }

    /// A bearer token for these credentials.
    pub async fn token(&self, email: &str, password: &str) -> String {
        let reply = self
            .post("/auth/token")
            .json(&json!({"email": email, "password": password}))
            .send()
            .await;
        assert_eq!(reply.status, 200, "{}", reply.text());
        reply.json()["access_token"]
            .as_str()
            .expect("a token")
            .to_owned()
    }
}

/// A request being built.
pub struct Call<'a> {
    server: &'a Server,
    builder: reqwest::RequestBuilder,
}

impl Call<'_> {
    pub fn json(self, body: &Value) -> Self {
        self.raw("application/json", serde_json::to_vec(body).expect("json"))
    }

    pub fn raw(self, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            builder: self
                .builder
                .header("content-type", content_type)
                .body(body.into()),
            ..self
        }
    }

    pub fn bearer(self, token: &str) -> Self {
        self.header("authorization", &format!("Bearer {token}"))
    }

    pub fn header_bytes(self, name: &str, value: &[u8]) -> Self {
        let value = reqwest::header::HeaderValue::from_bytes(value).expect("a header value");
        Self {
            builder: self.builder.header(name, value),
            ..self
        }
    }

    pub fn header(self, name: &str, value: &str) -> Self {
        Self {
            builder: self.builder.header(name, value),
            ..self
        }
    }

    /// Sends it; panics on a 5xx, and on an error answer that is not a problem carrying the
    /// request id the response echoes.
    pub async fn send(self) -> Reply {
        let _ = self.server;
        let response = self.builder.send().await.expect("the server answers");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.bytes().await.expect("a body").to_vec();
        check(Reply {
            status,
            headers,
            body,
        })
    }
}

/// Never a 5xx; an id on every answer; every error a problem that carries it.
fn check(reply: Reply) -> Reply {
    let status = reply.status;
    assert!(status < 500, "a 5xx: {status} {}", reply.text());
    let request_id = reply
        .header("x-request-id")
        .unwrap_or_else(|| panic!("no x-request-id on {status}"));
    assert!(!request_id.is_empty());
    if status >= 400 {
        assert_eq!(
            reply.header("content-type").as_deref(),
            Some("application/problem+json"),
            "{status}: {}",
            reply.text()
        );
        let problem = reply.json();
        assert_eq!(problem["status"], status, "{problem}");
        assert!(problem["title"].is_string(), "{problem}");
        assert!(problem["code"].is_string(), "{problem}");
        assert_eq!(
            problem["request_id"].as_str(),
            Some(request_id.as_str()),
            "{problem}"
        );
    }
    reply
}

/// An answer.
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|err| panic!("{err}: {}", self.text()))
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    }

    /// Asserts an error answer: its status and its `code`; returns the problem.
    #[track_caller]
    pub fn problem(&self, status: u16, code: &str) -> Value {
        assert_eq!(self.status, status, "{}", self.text());
        let problem = self.json();
        assert_eq!(problem["code"], code, "{problem}");
        problem
    }
}
