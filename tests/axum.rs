//! Real requests through an axum `Router`: derived errors as `IntoResponse`, and the
//! request-id middleware.
#![cfg(feature = "axum")]

use axum::body::Body;
use axum::extract::Path;
use axum::routing::{get, post};
use axum::{Json, Router, middleware};
use http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

mod common;

use common::errors::{
    AppError, BillingError, DbError, GENERIC_500, INTERNAL_HOST, OrderLocked, SECRET,
};

async fn get_user(Path(id): Path<u64>) -> Result<Json<Value>, AppError> {
    if id == 1 {
        Ok(Json(json!({ "id": id, "name": "ada" })))
    } else {
        Err(AppError::NotFound(id))
    }
}

async fn create_user(Json(body): Json<Value>) -> Result<Json<Value>, AppError> {
    let email = body["email"].as_str().unwrap_or_default().to_owned();
    if email.starts_with("taken") {
        Err(AppError::EmailTaken { email })
    } else {
        Ok(Json(json!({ "email": email })))
    }
}

async fn rate_limited(Path(secs): Path<u64>) -> Result<Json<Value>, AppError> {
    Err(AppError::RateLimited { secs })
}

async fn unauthorized() -> Result<Json<Value>, AppError> {
    Err(AppError::Unauthorized)
}

async fn database() -> Result<Json<Value>, AppError> {
    Err(AppError::Database(DbError))
}

async fn billing() -> Result<Json<Value>, AppError> {
    Err(BillingError::PaymentRequired { balance: -5 }.into())
}

async fn order(Path(id): Path<u32>) -> Result<Json<Value>, OrderLocked> {
    Err(OrderLocked { id })
}

fn app() -> Router {
    Router::new()
        .route("/users/{id}", get(get_user))
        .route("/users", post(create_user))
        .route("/rate/{secs}", get(rate_limited))
        .route("/auth", get(unauthorized))
        .route("/db", get(database))
        .route("/billing", get(billing))
        .route("/orders/{id}", get(order))
}

fn app_with_request_id() -> Router {
    app().layer(middleware::from_fn(pact::axum::request_id))
}

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    raw: String,
    json: Value,
}

async fn send(app: Router, request: Request<Body>) -> Reply {
    let response = app.oneshot(request).await.expect("router is infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    let raw = String::from_utf8(bytes.to_vec()).expect("utf-8 body");
    let json =
        serde_json::from_str(&raw).unwrap_or_else(|e| panic!("body is not JSON ({e}): {raw:?}"));
    Reply {
        status,
        headers,
        raw,
        json,
    }
}

async fn get_path(app: Router, uri: &str) -> Reply {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

fn assert_problem_json(reply: &Reply) {
    assert_eq!(
        reply.headers.get(header::CONTENT_TYPE).unwrap(),
        "application/problem+json",
        "content type of {:?}",
        reply.raw
    );
}

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .expect("object body")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

#[tokio::test]
async fn ok_path_is_plain_json() {
    let reply = get_path(app(), "/users/1").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(
        reply.headers.get(header::CONTENT_TYPE).unwrap(),
        "application/json"
    );
    assert_eq!(reply.json, json!({ "id": 1, "name": "ada" }));
}

#[tokio::test]
async fn not_found_interpolates_the_message() {
    let reply = get_path(app(), "/users/42").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_problem_json(&reply);
    assert_eq!(
        reply.json,
        json!({
            "type": "about:blank",
            "title": "Not Found",
            "status": 404,
            "detail": "user 42 not found",
            "code": "user_not_found",
        })
    );
    assert_eq!(
        keys(&reply.json),
        ["code", "detail", "status", "title", "type"]
    );
}

#[tokio::test]
async fn conflict_has_custom_code() {
    let request = Request::post("/users")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"email":"taken@example.com"}"#))
        .unwrap();
    let reply = send(app(), request).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_problem_json(&reply);
    assert_eq!(reply.json["status"], 409);
    assert_eq!(reply.json["title"], "Conflict");
    assert_eq!(reply.json["code"], "email_taken");
    assert_eq!(
        reply.json["detail"],
        "email taken@example.com is already taken"
    );
    assert!(reply.json.get("errors").is_none(), "{}", reply.raw);

    // Same route, Ok path: the error type does not get in the way.
    let request = Request::post("/users")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"email":"new@example.com"}"#))
        .unwrap();
    let reply = send(app(), request).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json, json!({ "email": "new@example.com" }));
}

#[tokio::test]
async fn rate_limited_sets_retry_after_from_field() {
    for secs in [30_u64, 7] {
        let reply = get_path(app(), &format!("/rate/{secs}")).await;
        assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
        assert_problem_json(&reply);
        let retry_after: Vec<_> = reply.headers.get_all(header::RETRY_AFTER).iter().collect();
        assert_eq!(retry_after, [secs.to_string().as_str()]);
        assert_eq!(reply.json["status"], 429);
        assert_eq!(reply.json["title"], "Too Many Requests");
        assert_eq!(reply.json["code"], "rate_limited");
        assert_eq!(reply.json["detail"], "too many requests");
    }
}

#[tokio::test]
async fn unauthorized_sets_static_www_authenticate() {
    let reply = get_path(app(), "/auth").await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_problem_json(&reply);
    assert_eq!(
        reply.headers.get(header::WWW_AUTHENTICATE).unwrap(),
        r#"Bearer realm="api""#
    );
    assert_eq!(reply.json["status"], 401);
    assert_eq!(reply.json["title"], "Unauthorized");
    assert_eq!(reply.json["code"], "unauthorized");
    assert_eq!(reply.json["detail"], "missing credentials");
}

#[tokio::test]
async fn server_error_hides_display_and_source() {
    let reply = get_path(app(), "/db").await;
    assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_problem_json(&reply);
    assert_eq!(
        reply.json,
        json!({
            "type": "about:blank",
            "title": "Internal Server Error",
            "status": 500,
            "detail": GENERIC_500,
            "code": "database",
        })
    );
    for secret in [SECRET, INTERNAL_HOST, "postgres", "database failed"] {
        assert!(
            !reply.raw.contains(secret),
            "5xx body leaks {secret:?}: {}",
            reply.raw
        );
        for (name, value) in &reply.headers {
            assert!(
                !value.to_str().unwrap_or_default().contains(secret),
                "5xx header {name} leaks {secret:?}"
            );
        }
    }
}

#[tokio::test]
async fn transparent_variant_forwards_status_code_and_headers() {
    let reply = get_path(app(), "/billing").await;
    assert_eq!(reply.status, StatusCode::PAYMENT_REQUIRED);
    assert_problem_json(&reply);
    assert_eq!(reply.headers.get("x-balance").unwrap(), "-5");
    assert_eq!(
        reply.json,
        json!({
            "type": "about:blank",
            "title": "Payment Required",
            "status": 402,
            "detail": "payment required: balance is -5",
            "code": "payment_required",
        })
    );
}

#[tokio::test]
async fn struct_error_with_title_and_type() {
    let reply = get_path(app(), "/orders/9").await;
    assert_eq!(reply.status, StatusCode::LOCKED);
    assert_problem_json(&reply);
    assert_eq!(
        reply.json,
        json!({
            "type": "https://example.com/probs/order-locked",
            "title": "Order locked",
            "status": 423,
            "detail": "order 9 is locked",
            "code": "order_locked",
        })
    );
}

#[tokio::test]
async fn request_id_middleware_adds_request_id_to_body() {
    let request = Request::get("/users/5")
        .header("x-request-id", "req-abc-123")
        .body(Body::empty())
        .unwrap();
    let reply = send(app_with_request_id(), request).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_problem_json(&reply);
    assert_eq!(reply.json["request_id"], "req-abc-123");
    assert_eq!(reply.json["code"], "user_not_found");
    assert_eq!(reply.json["detail"], "user 5 not found");

    // A 5xx carries it too, so a client can quote it to support.
    let request = Request::get("/db")
        .header("x-request-id", "req-500")
        .body(Body::empty())
        .unwrap();
    let reply = send(app_with_request_id(), request).await;
    assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(reply.json["request_id"], "req-500");
    assert_eq!(reply.json["detail"], GENERIC_500);

    // The Ok path is untouched by the middleware.
    let request = Request::get("/users/1")
        .header("x-request-id", "req-ok")
        .body(Body::empty())
        .unwrap();
    let reply = send(app_with_request_id(), request).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json, json!({ "id": 1, "name": "ada" }));
}

#[tokio::test]
async fn no_request_id_without_header_middleware_or_valid_value() {
    // Middleware, but no header.
    let reply = get_path(app_with_request_id(), "/users/5").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(reply.json.get("request_id").is_none(), "{}", reply.raw);

    // Header, but no middleware.
    let request = Request::get("/users/5")
        .header("x-request-id", "req-ignored")
        .body(Body::empty())
        .unwrap();
    let reply = send(app(), request).await;
    assert!(reply.json.get("request_id").is_none(), "{}", reply.raw);

    // Middleware, but a malformed id (a space is not a visible ASCII character).
    let request = Request::get("/users/5")
        .header("x-request-id", "two words")
        .body(Body::empty())
        .unwrap();
    let reply = send(app_with_request_id(), request).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(reply.json.get("request_id").is_none(), "{}", reply.raw);

    // Middleware, but an id longer than 128 characters.
    let long = "a".repeat(129);
    let request = Request::get("/users/5")
        .header("x-request-id", long.as_str())
        .body(Body::empty())
        .unwrap();
    let reply = send(app_with_request_id(), request).await;
    assert!(reply.json.get("request_id").is_none(), "{}", reply.raw);
}

async fn invalid() -> Result<Json<Value>, pact::ValidationErrors> {
    let mut errors = pact::ValidationErrors::new();
    errors.push(
        &pact::validation::Path::root().field("email"),
        pact::RuleError::new("email", "must be an email address"),
    );
    Err(errors)
}

async fn missing() -> Result<Json<Value>, pact::RepoError> {
    Err(pact::RepoError::NotFound {
        entity: "User",
        id: "7".into(),
    })
}

#[tokio::test]
async fn validation_errors_and_repo_errors_are_responses() {
    let app = || {
        Router::new()
            .route("/invalid", get(invalid))
            .route("/missing", get(missing))
    };
    let reply = get_path(app(), "/invalid").await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_problem_json(&reply);
    assert_eq!(reply.json["code"], "validation_failed");
    assert_eq!(reply.json["errors"][0]["path"], "email");
    assert_eq!(reply.json["errors"][0]["code"], "email");

    let reply = get_path(app(), "/missing").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_problem_json(&reply);
    assert_eq!(reply.json["code"], "not_found");
}

/// `#[api(crate = shim)]` reaches the framework impl too: the response is built through
/// `shim::__private`, which marks it, rather than through pact-core's own path.
mod shim {
    pub use pact::*;

    pub mod __private {
        pub use pact::__private::*;

        pub fn axum_response<E: pact::ApiError + ?Sized>(err: &E) -> axum::response::Response {
            let mut response = pact::__private::axum_response(err);
            response
                .headers_mut()
                .insert("x-built-by", http::HeaderValue::from_static("shim"));
            response
        }
    }
}

#[derive(Debug, thiserror::Error, pact::ApiError)]
#[error("through the shim")]
#[api(crate = shim, status = 418)]
struct ThroughShim;

#[tokio::test]
async fn framework_impl_goes_through_the_crate_path() {
    let app = Router::new().route(
        "/shim",
        get(|| async { Err::<Json<Value>, _>(ThroughShim) }),
    );
    let reply = get_path(app, "/shim").await;
    assert_eq!(reply.status, StatusCode::IM_A_TEAPOT);
    assert_eq!(reply.headers["x-built-by"], "shim");
    assert_problem_json(&reply);
}
