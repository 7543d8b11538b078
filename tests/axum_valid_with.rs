//! `ValidWith<Json<T>, C>` and friends on axum: a DTO declared with `#[validate(context = C)]`
//! is validated with the `C` the router state provides through `FromRef`.
#![cfg(feature = "axum")]

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Form, FromRef, Query};
use axum::routing::{get, post};
use axum::{Json, Router};
use http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use pact::axum::ValidWith;
use pact::validation::RuleError;
use serde_json::{Value, json};
use tower::ServiceExt;

/// What the rules need besides the request: the current time. `FromRef` clones it out of
/// the state for each request; a context holding more would keep it behind an `Arc`.
#[derive(Clone)]
pub struct Clock {
    pub now: u64,
}

#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "a `custom` rule takes its field by reference"
)]
fn not_in_past(at: &u64, clock: &Clock) -> Result<(), RuleError> {
    if *at < clock.now {
        return Err(RuleError::new("in_past", "must not be in the past"));
    }
    Ok(())
}

#[derive(Debug, serde::Deserialize, serde::Serialize, pact::Dto)]
#[validate(context = Clock)]
pub struct Booking {
    #[dto(trim)]
    #[validate(length(min = 1))]
    pub room: String,
    #[validate(custom(not_in_past, context))]
    pub starts_at: u64,
}

/// The router state; the clock is one part of it.
#[derive(Clone)]
struct AppState {
    clock: Clock,
    #[allow(dead_code, reason = "a state has more than the context")]
    pool: Arc<Vec<u8>>,
    #[allow(dead_code, reason = "a state has more than the context")]
    name: &'static str,
}

impl FromRef<AppState> for Clock {
    fn from_ref(state: &AppState) -> Self {
        state.clock.clone()
    }
}

async fn book_json(booking: ValidWith<Json<Booking>, Clock>) -> Json<Booking> {
    Json(booking.into_inner())
}

async fn book_query(
    ValidWith(Query(booking), _): ValidWith<Query<Booking>, Clock>,
) -> Json<Booking> {
    Json(booking)
}

async fn book_form(mut booking: ValidWith<Form<Booking>, Clock>) -> Json<Booking> {
    booking.starts_at += 1; // `DerefMut` reaches the value
    Json(booking.into_inner())
}

fn app() -> Router {
    Router::new()
        .route("/json", post(book_json))
        .route("/query", get(book_query))
        .route("/form", post(book_form))
        .with_state(AppState {
            clock: Clock { now: 100 },
            pool: Arc::new(Vec::new()),
            name: "bookings",
        })
}

async fn send(request: Request<Body>) -> (StatusCode, Value) {
    let response = app().oneshot(request).await.expect("router is infallible");
    let status = response.status();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    (status, serde_json::from_slice(&bytes).expect("a JSON body"))
}

fn post_to(uri: &str, content_type: &str, body: &str) -> Request<Body> {
    Request::post(uri)
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body.to_owned()))
        .expect("request")
}

#[tokio::test]
async fn json_is_validated_with_the_context_from_the_state() {
    let (status, body) = send(post_to(
        "/json",
        "application/json",
        r#"{"room": " A1 ", "starts_at": 150}"#,
    ))
    .await;
    assert_eq!(status, StatusCode::OK, "{body:#}");
    assert_eq!(body, json!({ "room": "A1", "starts_at": 150 }));

    let (status, body) = send(post_to(
        "/json",
        "application/json",
        r#"{"room": "A1", "starts_at": 50}"#,
    ))
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body:#}");
    assert_eq!(body["code"], "validation_failed");
    assert_eq!(body["errors"][0]["path"], "starts_at");
    assert_eq!(body["errors"][0]["code"], "in_past");
}

#[tokio::test]
async fn refusals_are_the_same_problems_as_valid() {
    let (status, body) = send(post_to("/json", "text/plain", "{}")).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{body:#}");
    let (status, body) = send(post_to(
        "/json",
        "application/json",
        r#"{"room": "A1", "starts_at": -1}"#,
    ))
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body:#}");
    assert_eq!(body["code"], "malformed_request");
    // Normalized before validating: a room of spaces is empty.
    let (status, body) = send(post_to(
        "/json",
        "application/json",
        r#"{"room": "   ", "starts_at": 1}"#,
    ))
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body:#}");
    let paths: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["room", "starts_at"]);
}

#[tokio::test]
async fn query_and_form_take_the_context_too() {
    let get = |uri: &str| Request::get(uri).body(Body::empty()).expect("request");
    let (status, body) = send(get("/query?room=B2&starts_at=120")).await;
    assert_eq!(status, StatusCode::OK, "{body:#}");
    assert_eq!(body["room"], "B2");
    let (status, body) = send(get("/query?room=B2&starts_at=1")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body:#}");
    assert_eq!(body["errors"][0]["code"], "in_past");

    let form = "application/x-www-form-urlencoded";
    let (status, body) = send(post_to("/form", form, "room=C3&starts_at=200")).await;
    assert_eq!(status, StatusCode::OK, "{body:#}");
    assert_eq!(body["starts_at"], 201);
    let (status, body) = send(post_to("/form", form, "room=C3&starts_at=99")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body:#}");
}
