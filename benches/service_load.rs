//! A bounded load run on loopback: the example service (`examples/service/`) against a
//! hand-written axum + sqlx service that does the same work, in the same run.
//!
//! ```text
//! cargo bench --bench service_load --features axum,sqlite,openapi
//! ```
//!
//! Both servers run in this process on `127.0.0.1`, on an in-memory SQLite database (the
//! demo's default), behind the same tower-http layers (request id set and echoed, trace,
//! CORS, timeout, body limit; no rate limit on either). The hand-written one decodes the
//! bearer token with the same `jsonwebtoken` call, reads the row with `sqlx::query` and
//! `try_get`, checks the sign-up body by hand and hashes with argon2id at the same cost
//! (OWASP's 19 MiB, 2 passes: it dominates `POST /users`), then inserts the user and the
//! first note in one sqlx transaction.
//!
//! Load: `CLIENTS` concurrent keep-alive clients; `GET /users/{id}` `GET_REQUESTS` requests
//! and `POST /users` `POST_REQUESTS` requests per contender and round; `ROUNDS` rounds that
//! alternate the contenders; per round and contender: requests per second and p50/p99
//! latency; the medians over rounds are printed as a markdown table. Any answer other than
//! the expected status (and so any 5xx) aborts the run.

#[path = "../examples/service/lib.rs"]
#[allow(dead_code)]
mod service;

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use argon2::{Algorithm, Argon2, Params, PasswordHasher, Version};
use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE, ETAG, LOCATION};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use pact::sqlx::{self, Row as _, SqlitePool};
use serde::{Deserialize, Serialize};
use tower_http::cors::CorsLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

const CLIENTS: usize = 16;
const GET_REQUESTS: usize = 20_000;
const POST_REQUESTS: usize = 240;
const ROUNDS: usize = 3;

// ---- the hand-written service -------------------------------------------------------------

#[derive(Clone)]
struct Hand {
    pool: SqlitePool,
    decoding: Arc<jsonwebtoken::DecodingKey>,
    validation: Arc<jsonwebtoken::Validation>,
    params: Params,
}

#[derive(Deserialize)]
struct HandClaims {
    sub: String,
}

#[derive(Serialize)]
struct HandUser {
    id: i64,
    email: String,
    name: String,
    role: String,
    version: i64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HandSignup {
    email: String,
    name: String,
    password: String,
}

fn problem(status: StatusCode, code: &str) -> Response {
    let body = serde_json::json!({"type": "about:blank", "title": status.canonical_reason(), "status": status.as_u16(), "code": code});
    (
        status,
        [(CONTENT_TYPE, "application/problem+json")],
        body.to_string(),
    )
        .into_response()
}

async fn hand_show(State(hand): State<Hand>, headers: HeaderMap, Path(id): Path<i64>) -> Response {
    let Some(token) = headers
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
    else {
        return problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    };
    if jsonwebtoken::decode::<HandClaims>(token, &hand.decoding, &hand.validation)
        .ok()
        .and_then(|data| data.claims.sub.parse::<i64>().ok())
        .is_none()
    {
        return problem(StatusCode::UNAUTHORIZED, "invalid_token");
    }
    let row = sqlx::query("SELECT \"id\", \"email\", \"name\", \"password_hash\", \"role\", \"version\" FROM \"users\" WHERE \"id\" = ?")
        .bind(id)
        .fetch_optional(&hand.pool)
        .await;
    match row {
        Ok(Some(row)) => {
            let user = HandUser {
                id: row.try_get(0).unwrap_or_default(),
                email: row.try_get(1).unwrap_or_default(),
                name: row.try_get(2).unwrap_or_default(),
                role: row.try_get(4).unwrap_or_default(),
                version: row.try_get(5).unwrap_or_default(),
            };
            ([(ETAG, format!("\"{}\"", user.version))], Json(user)).into_response()
        }
        Ok(None) => problem(StatusCode::NOT_FOUND, "not_found"),
        Err(_) => problem(StatusCode::INTERNAL_SERVER_ERROR, "internal"),
    }
}

async fn hand_signup(
    State(hand): State<Hand>,
    body: Result<Json<HandSignup>, axum::extract::rejection::JsonRejection>,
) -> Response {
    let Ok(Json(signup)) = body else {
        return problem(StatusCode::BAD_REQUEST, "malformed_request");
    };
    let email = signup.email.trim().to_lowercase();
    let name = signup.name.trim().to_owned();
    let at = email.find('@');
    let email_ok =
        email.chars().count() <= 254 && at.is_some_and(|at| at > 0 && at + 1 < email.len());
    let name_len = name.chars().count();
    let password_len = signup.password.chars().count();
    if !email_ok || !(1..=80).contains(&name_len) || !(8..=128).contains(&password_len) {
        return problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    }
    let params = hand.params.clone();
    let password = signup.password;
    let Ok(Ok(hash)) = tokio::task::spawn_blocking(move || {
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password(password.as_bytes())
            .map(|hash| hash.to_string())
    })
    .await
    else {
        return problem(StatusCode::INTERNAL_SERVER_ERROR, "internal");
    };
    let result: Result<i64, sqlx::Error> = async {
        let mut tx = hand.pool.begin_with("BEGIN IMMEDIATE").await?;
        let id: i64 = sqlx::query("INSERT INTO \"users\" (\"email\", \"name\", \"password_hash\", \"role\", \"version\") VALUES (?, ?, ?, ?, 1) RETURNING \"id\"")
            .bind(&email)
            .bind(&name)
            .bind(&hash)
            .bind("member")
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
        sqlx::query("INSERT INTO \"notes\" (\"owner_id\", \"title\", \"body\", \"version\") VALUES (?, ?, ?, 1)")
            .bind(id)
            .bind("Welcome")
            .bind(format!("Hello {name}, this is your first note."))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(id)
    }
    .await;
    match result {
        Ok(id) => {
            let user = HandUser {
                id,
                email,
                name,
                role: "member".into(),
                version: 1,
            };
            (
                StatusCode::CREATED,
                [
                    (ETAG, "\"1\"".to_owned()),
                    (LOCATION, format!("/users/{id}")),
                ],
                Json(user),
            )
                .into_response()
        }
        Err(sqlx::Error::Database(err)) if err.is_unique_violation() => {
            problem(StatusCode::CONFLICT, "conflict")
        }
        Err(_) => problem(StatusCode::INTERNAL_SERVER_ERROR, "internal"),
    }
}

async fn hand_router(config: &service::config::Config) -> Router {
    let pool = sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .idle_timeout(None)
        .max_lifetime(None)
        .connect("sqlite::memory:")
        .await
        .expect("in-memory SQLite");
    // The same tables as the service's (its DDL is generated; this one is written out).
    for ddl in [
        "CREATE TABLE \"users\" (\"id\" INTEGER PRIMARY KEY AUTOINCREMENT, \"email\" TEXT NOT NULL UNIQUE, \"name\" TEXT NOT NULL, \"password_hash\" TEXT NOT NULL, \"role\" TEXT NOT NULL, \"version\" INTEGER NOT NULL)",
        "CREATE TABLE \"notes\" (\"id\" INTEGER PRIMARY KEY AUTOINCREMENT, \"owner_id\" INTEGER NOT NULL, \"title\" TEXT NOT NULL, \"body\" TEXT NOT NULL, \"version\" INTEGER NOT NULL)",
        "CREATE INDEX \"notes_owner_id_idx\" ON \"notes\" (\"owner_id\")",
    ] {
        sqlx::query(ddl).execute(&pool).await.expect("DDL");
    }
    let cost = config.hash_cost;
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::HS256);
    validation.leeway = 0;
    validation.set_required_spec_claims(&["exp", "sub"]);
    let hand = Hand {
        pool,
        decoding: Arc::new(
            jsonwebtoken::DecodingKey::from_secret(config.token_secret.expose()).expect("key"),
        ),
        validation: Arc::new(validation),
        params: Params::new(cost.memory_kib, cost.iterations, cost.parallelism, None)
            .expect("params"),
    };
    Router::new()
        .route("/users", post(hand_signup))
        .route("/users/{id}", get(hand_show))
        .with_state(hand)
        .layer(axum::extract::DefaultBodyLimit::max(config.body_limit))
        .layer(RequestBodyLimitLayer::new(config.body_limit))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            config.request_timeout,
        ))
        .layer(CorsLayer::new())
        .layer(TraceLayer::new_for_http())
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
}

// ---- the load -----------------------------------------------------------------------------

struct Target {
    name: &'static str,
    base: String,
}

#[derive(Clone, Copy)]
struct Figures {
    rps: f64,
    p50: Duration,
    p99: Duration,
}

/// Sends `total` requests from `CLIENTS` clients; `make` builds request `n`.
async fn load(
    client: &reqwest::Client,
    total: usize,
    expected: u16,
    make: impl Fn(&reqwest::Client, usize) -> reqwest::RequestBuilder + Send + Sync + 'static,
) -> Figures {
    let next = Arc::new(AtomicU64::new(0));
    let make = Arc::new(make);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..CLIENTS {
        let (client, next, make) = (client.clone(), next.clone(), make.clone());
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let n = usize::try_from(next.fetch_add(1, Ordering::Relaxed)).unwrap();
                if n >= total {
                    break latencies;
                }
                let start = Instant::now();
                let response = make(&client, n).send().await.expect("an answer");
                let status = response.status().as_u16();
                let _ = response.bytes().await.expect("a body");
                assert_eq!(status, expected, "request {n}");
                latencies.push(start.elapsed());
            }
        }));
    }
    let mut latencies = Vec::with_capacity(total);
    for task in tasks {
        latencies.extend(task.await.expect("client"));
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let at = |percent: usize| latencies[(latencies.len() * percent / 100).min(latencies.len() - 1)];
    Figures {
        rps: f64::from(u32::try_from(total).expect("a bounded run")) / elapsed.as_secs_f64(),
        p50: at(50),
        p99: at(99),
    }
}

fn median(mut values: Vec<Figures>) -> Figures {
    let mid = values.len() / 2;
    let pick = |values: &mut Vec<Figures>, key: fn(&Figures) -> f64| {
        values.sort_by(|a, b| key(a).total_cmp(&key(b)));
        values[mid]
    };
    Figures {
        rps: pick(&mut values, |f| f.rps).rps,
        p50: pick(&mut values, |f| f.p50.as_secs_f64()).p50,
        p99: pick(&mut values, |f| f.p99.as_secs_f64()).p99,
    }
}

async fn start(router: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .into_future(),
    );
    base
}

fn main() {
    if std::env::args().any(|arg| arg == "--list" || arg == "--test") {
        // `cargo test --benches` and `cargo bench -- --list`: nothing to list, nothing to run.
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(run());
}

#[allow(clippy::too_many_lines)]
async fn run() {
    let config = service::config::Config {
        rate_limit: None,
        ..service::config::Config::for_tests()
    };
    let production_cost = service::config::HashCost::default();
    let config = service::config::Config {
        hash_cost: production_cost,
        ..config
    };
    let app = service::app(&config).await.expect("the service starts");
    let targets = [
        Target {
            name: "pact service",
            base: start(app.router).await,
        },
        Target {
            name: "hand-written",
            base: start(hand_router(&config).await).await,
        },
    ];
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(CLIENTS)
        .build()
        .expect("client");

    // One user on each, and a token the service signed (the secret is shared).
    let tokens =
        service::services::Tokens::new(&config.token_secret, config.token_ttl).expect("tokens");
    let token = tokens
        .issue_at(
            1,
            service::domain::Role::Member,
            jsonwebtoken::get_current_timestamp(),
        )
        .expect("token");
    for target in &targets {
        let response = client
            .post(format!("{}/users", target.base))
            .header("content-type", "application/json")
            .body(r#"{"email": "ada@example.com", "name": "Ada", "password": "correct horse"}"#)
            .send()
            .await
            .expect("sign-up");
        assert_eq!(response.status().as_u16(), 201, "{}", target.name);
    }

    let mut get_figures: Vec<Vec<Figures>> = vec![Vec::new(), Vec::new()];
    let mut post_figures: Vec<Vec<Figures>> = vec![Vec::new(), Vec::new()];
    let mut signups = 0_usize;
    for round in 0..ROUNDS {
        // Alternate which contender goes first.
        let order: [usize; 2] = if round % 2 == 0 { [0, 1] } else { [1, 0] };
        for &t in &order {
            let url = format!("{}/users/1", targets[t].base);
            let auth = format!("Bearer {token}");
            let figures = load(&client, GET_REQUESTS, 200, move |client, _| {
                client.get(&url).header("authorization", &auth)
            })
            .await;
            get_figures[t].push(figures);
        }
        for &t in &order {
            let url = format!("{}/users", targets[t].base);
            let first = signups;
            let figures = load(&client, POST_REQUESTS, 201, move |client, n| {
                client
                    .post(&url)
                    .header("content-type", "application/json")
                    .body(format!(r#"{{"email": "user{}@example.com", "name": "User", "password": "correct horse"}}"#, first + n))
            })
            .await;
            post_figures[t].push(figures);
        }
        signups += POST_REQUESTS;
    }

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("\n| endpoint | contender | requests/s | p50 (ms) | p99 (ms) |");
    println!("| --- | --- | ---: | ---: | ---: |");
    let mut ratios = Vec::new();
    for (endpoint, figures) in [
        ("GET /users/{id}", &get_figures),
        ("POST /users", &post_figures),
    ] {
        let medians: Vec<Figures> = figures.iter().map(|f| median(f.clone())).collect();
        for (target, m) in targets.iter().zip(&medians) {
            println!(
                "| `{endpoint}` | {} | {:.0} | {:.2} | {:.2} |",
                target.name,
                m.rps,
                ms(m.p50),
                ms(m.p99)
            );
        }
        ratios.push((
            endpoint,
            medians[0].rps / medians[1].rps,
            ms(medians[0].p99) / ms(medians[1].p99),
        ));
    }
    println!();
    for (endpoint, throughput, p99) in ratios {
        println!(
            "{endpoint}: throughput pact/hand {throughput:.2} (target >= 0.9), p99 pact/hand {p99:.2} (target <= 1.2)"
        );
    }
    println!(
        "({CLIENTS} clients, {GET_REQUESTS} GETs and {POST_REQUESTS} POSTs per contender and round, {ROUNDS} rounds, medians; zero 5xx: every answer had the expected status)"
    );
}
