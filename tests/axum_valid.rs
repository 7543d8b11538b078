//! Real requests through an axum `Router` to handlers that take `Valid<Json<T>>`,
//! `Valid<Query<T>>` and `Valid<Form<T>>`: the handler sees the normalized value, and every
//! refusal is problem+json.
#![cfg(feature = "axum")]

use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Form, Query};
use axum::routing::{get, post};
use axum::{Json, Router};
use http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use pact::Rejection;
use pact::axum::Valid;
use serde_json::{Value, json};
use tower::ServiceExt;

mod common;

use common::hostile::{Scores, Strict, assert_bounded};
use common::signup::{Signup, detail, pairs, violations};

async fn json_signup(Valid(Json(signup)): Valid<Json<Signup>>) -> Json<Signup> {
    Json(signup)
}

async fn query_signup(signup: Valid<Query<Signup>>) -> Json<Signup> {
    Json(signup.into_inner())
}

async fn form_signup(mut signup: Valid<Form<Signup>>) -> Json<Signup> {
    // `DerefMut` reaches the value itself.
    signup.age += 1;
    Json(signup.into_inner())
}

/// Handlers may take the rejection themselves.
async fn inspect(signup: Result<Valid<Json<Signup>>, Rejection>) -> Json<Value> {
    Json(match signup {
        Ok(signup) => json!({ "ok": signup.name }),
        Err(Rejection::Invalid(errors)) => json!({ "invalid": errors.len() }),
        Err(other) => json!({ "other": other.to_string() }),
    })
}

fn app() -> Router {
    Router::new()
        .route("/json", post(json_signup))
        .route("/query", get(query_signup))
        .route("/form", post(form_signup))
        .route("/inspect", post(inspect))
        .route("/small", post(json_signup).layer(DefaultBodyLimit::max(16)))
}

struct Reply {
    status: StatusCode,
    content_type: String,
    json: Value,
}

async fn send(request: Request<Body>) -> Reply {
    let response = app().oneshot(request).await.expect("router is infallible");
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|value| value.to_str().expect("ascii").to_owned())
        .unwrap_or_default();
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
        content_type,
        json,
    }
}

fn post_with(uri: &str, content_type: Option<&str>, body: &str) -> Request<Body> {
    let mut request = Request::post(uri);
    if let Some(content_type) = content_type {
        request = request.header(header::CONTENT_TYPE, content_type);
    }
    request.body(Body::from(body.to_owned())).expect("request")
}

fn post_json(body: &str) -> Request<Body> {
    post_with("/json", Some("application/json"), body)
}

fn post_form(body: &str) -> Request<Body> {
    post_with("/form", Some("application/x-www-form-urlencoded"), body)
}

fn get_query(query: &str) -> Request<Body> {
    Request::get(format!("/query?{query}"))
        .body(Body::empty())
        .expect("request")
}

/// Asserts a problem+json reply with `status` and `code`, and returns its body.
fn problem(reply: &Reply, status: u16, code: &str) -> Value {
    common::signup::problem(
        (reply.status.as_u16(), &reply.content_type, &reply.json),
        status,
        code,
    )
}

// ---- Json ----

#[tokio::test]
async fn json_valid_body_reaches_the_handler_normalized() {
    let reply = send(post_json(
        r#"{"name": "  Ada  ", "email": " Ada@Example.COM ", "age": 36}"#,
    ))
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(
        reply.json,
        json!({ "name": "Ada", "email": "ada@example.com", "age": 36 })
    );
}

#[tokio::test]
async fn json_accepts_a_json_suffix_and_parameters() {
    let reply = send(post_with(
        "/json",
        Some("application/vnd.api+json; charset=utf-8"),
        r#"{"name": "Ada", "email": "ada@example.com", "age": 36}"#,
    ))
    .await;
    assert_eq!(reply.status, StatusCode::OK);
}

#[tokio::test]
async fn json_syntax_error_is_400_with_the_parsers_message() {
    let reply = send(post_json(r#"{"name": "Ada", "email": }"#)).await;
    let body = problem(&reply, 400, "malformed_request");
    assert!(detail(&body).contains("line 1 column"), "{body:#}");
    assert!(body.get("errors").is_none());
}

#[tokio::test]
async fn json_truncated_body_is_400() {
    let reply = send(post_json(r#"{"name": "Ada""#)).await;
    let body = problem(&reply, 400, "malformed_request");
    detail(&body);
}

#[tokio::test]
async fn json_data_error_is_400_naming_the_field() {
    let reply = send(post_json(
        r#"{"name": "Ada", "email": "ada@example.com", "age": "old"}"#,
    ))
    .await;
    let body = problem(&reply, 400, "malformed_request");
    assert!(detail(&body).contains("age"), "{body:#}");
}

#[tokio::test]
async fn json_missing_field_is_400() {
    let reply = send(post_json(r#"{"name": "Ada", "age": 36}"#)).await;
    let body = problem(&reply, 400, "malformed_request");
    assert!(detail(&body).contains("email"), "{body:#}");
}

#[tokio::test]
async fn json_without_content_type_is_415() {
    let reply = send(post_with("/json", None, r#"{"name": "Ada"}"#)).await;
    let body = problem(&reply, 415, "unsupported_media_type");
    assert!(detail(&body).contains("application/json"), "{body:#}");
}

#[tokio::test]
async fn json_with_another_content_type_is_415() {
    let reply = send(post_with("/json", Some("text/plain"), r#"{"name": "Ada"}"#)).await;
    let body = problem(&reply, 415, "unsupported_media_type");
    assert!(detail(&body).contains("application/json"), "{body:#}");
}

#[tokio::test]
async fn json_rule_violations_are_422_with_every_error() {
    let reply = send(post_json(
        r#"{"name": "   ", "email": "nobody", "age": 12}"#,
    ))
    .await;
    let body = problem(&reply, 422, "validation_failed");
    assert_eq!(
        violations(&body),
        pairs(&[("name", "length"), ("email", "email"), ("age", "range")])
    );
    assert_eq!(body["errors"][2]["params"]["min"], 18);
    assert_eq!(body["errors"][1]["message"], "must be an email address");
    detail(&body);
}

#[tokio::test]
async fn json_normalizes_before_validating() {
    // Only whitespace: valid before trimming, empty after.
    let reply = send(post_json(
        r#"{"name": " \t ", "email": "ada@example.com", "age": 36}"#,
    ))
    .await;
    let body = problem(&reply, 422, "validation_failed");
    assert_eq!(violations(&body), pairs(&[("name", "length")]));
}

#[tokio::test]
async fn json_body_over_the_limit_is_a_413_problem() {
    let request = post_with(
        "/small",
        Some("application/json"),
        r#"{"name": "Ada", "email": "ada@example.com", "age": 36}"#,
    );
    let reply = send(request).await;
    let body = problem(&reply, 413, "payload_too_large");
    assert!(detail(&body).contains("larger"), "{body:#}");
}

#[tokio::test]
async fn handlers_can_take_the_rejection() {
    let reply = send(post_with(
        "/inspect",
        Some("application/json"),
        r#"{"name": "", "email": "x", "age": 1}"#,
    ))
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json, json!({ "invalid": 3 }));

    let reply = send(post_with(
        "/inspect",
        Some("application/json"),
        r#"{"name": " Ada ", "email": "ada@example.com", "age": 36}"#,
    ))
    .await;
    assert_eq!(reply.json, json!({ "ok": "Ada" }));
}

// ---- Query ----

#[tokio::test]
async fn query_valid_reaches_the_handler_normalized() {
    let reply = send(get_query("name=%20Ada%20&email=ADA%40example.com&age=36")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(
        reply.json,
        json!({ "name": "Ada", "email": "ada@example.com", "age": 36 })
    );
}

#[tokio::test]
async fn query_that_does_not_deserialize_is_400() {
    let reply = send(get_query("name=Ada&email=ada%40example.com&age=old")).await;
    let body = problem(&reply, 400, "malformed_request");
    assert!(detail(&body).contains("age"), "{body:#}");

    let reply = send(get_query("name=Ada")).await;
    let body = problem(&reply, 400, "malformed_request");
    detail(&body);
}

#[tokio::test]
async fn query_rule_violations_are_422() {
    let reply = send(get_query("name=+&email=nobody&age=36")).await;
    let body = problem(&reply, 422, "validation_failed");
    assert_eq!(
        violations(&body),
        pairs(&[("name", "length"), ("email", "email")])
    );
}

// ---- Form ----

#[tokio::test]
async fn form_valid_reaches_the_handler_normalized() {
    let reply = send(post_form("name=+Ada+&email=+ADA%40example.com&age=36")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(
        reply.json,
        json!({ "name": "Ada", "email": "ada@example.com", "age": 37 })
    );
}

#[tokio::test]
async fn form_with_another_content_type_is_415() {
    let reply = send(post_with(
        "/form",
        Some("application/json"),
        r#"{"name": "Ada", "email": "ada@example.com", "age": 36}"#,
    ))
    .await;
    let body = problem(&reply, 415, "unsupported_media_type");
    assert!(
        detail(&body).contains("application/x-www-form-urlencoded"),
        "{body:#}"
    );

    let reply = send(post_with("/form", None, "name=Ada")).await;
    problem(&reply, 415, "unsupported_media_type");
}

#[tokio::test]
async fn form_that_does_not_deserialize_is_400() {
    let reply = send(post_form("name=Ada&email=ada%40example.com&age=-1")).await;
    let body = problem(&reply, 400, "malformed_request");
    assert!(detail(&body).contains("age"), "{body:#}");
}

#[tokio::test]
async fn form_rule_violations_are_422() {
    let reply = send(post_form("name=Ada&email=nobody&age=17")).await;
    let body = problem(&reply, 422, "validation_failed");
    assert_eq!(
        violations(&body),
        pairs(&[("email", "email"), ("age", "range")])
    );
}

// ---- Hostile input: parser messages stay bounded and name JSON types ----

async fn scores(Valid(Json(scores)): Valid<Json<Scores>>) -> Json<Scores> {
    Json(scores)
}

async fn strict_query(Valid(Query(strict)): Valid<Query<Strict>>) -> Json<Strict> {
    Json(strict)
}

async fn strict_form(Valid(Form(strict)): Valid<Form<Strict>>) -> Json<Strict> {
    Json(strict)
}

async fn send_to(app: Router, request: Request<Body>) -> Reply {
    let response = app.oneshot(request).await.expect("router is infallible");
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|value| value.to_str().expect("ascii").to_owned())
        .unwrap_or_default();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    Reply {
        status,
        content_type,
        json: serde_json::from_slice(&bytes).expect("a JSON body"),
    }
}

fn hostile_app() -> Router {
    Router::new()
        .route("/scores", post(scores))
        .route("/strict", get(strict_query).post(strict_form))
}

#[tokio::test]
async fn parser_messages_name_json_types_not_rust_ones() {
    let reply = send(post_json(
        r#"{"name": "Ada", "email": "ada@example.com", "age": -1}"#,
    ))
    .await;
    let body = problem(&reply, 400, "malformed_request");
    let message = detail(&body);
    assert!(
        message.starts_with(
            "age: invalid value: integer `-1`, expected an integer from 0 to 4294967295"
        ),
        "{message}"
    );
    assert!(!message.contains("u32"), "{message}");
    assert!(!message.contains("Failed to deserialize"), "{message}");

    let reply = send(post_json(
        r#"{"name": {}, "email": "ada@example.com", "age": 1}"#,
    ))
    .await;
    let body = problem(&reply, 400, "malformed_request");
    assert!(
        detail(&body).starts_with("name: invalid type: object, expected a string"),
        "{body:#}"
    );
}

#[tokio::test]
async fn a_hostile_map_key_is_cut_in_the_path() {
    let key = "k".repeat(600);
    let body = format!(r#"{{"scores": {{"{key}": -1}}}}"#);
    let reply = send_to(
        hostile_app(),
        post_with("/scores", Some("application/json"), &body),
    )
    .await;
    let body = problem(&reply, 400, "malformed_request");
    let detail = detail(&body);
    assert_bounded(detail, &key);
    assert!(
        detail.starts_with(&format!("scores.{}…: ", "k".repeat(57))),
        "{detail}"
    );
    assert!(
        detail.contains("expected an integer from 0 to 255"),
        "{detail}"
    );
}

#[tokio::test]
async fn a_hostile_value_is_cut_in_the_message() {
    let value = "é".repeat(2000);
    let body = format!(r#"{{"name": "Ada", "email": "ada@example.com", "age": "{value}"}}"#);
    let reply = send(post_json(&body)).await;
    let body = problem(&reply, 400, "malformed_request");
    let detail = detail(&body);
    assert_bounded(detail, &value);
    assert!(
        detail.starts_with("age: invalid type: string \"éé"),
        "{detail}"
    );
    assert!(
        detail.contains("…\", expected an integer from 0 to 4294967295"),
        "{detail}"
    );
}

#[tokio::test]
async fn a_hostile_query_or_form_key_is_cut() {
    let key = "q".repeat(600);
    let reply = send_to(
        hostile_app(),
        get_path_request(&format!("/strict?{key}=1&name=a")),
    )
    .await;
    let body = problem(&reply, 400, "malformed_request");
    assert_bounded(detail(&body), &key);
    assert!(detail(&body).contains("unknown field `qqq"), "{body:#}");

    let form = format!("name=a&{key}=1");
    let request = post_with("/strict", Some("application/x-www-form-urlencoded"), &form);
    let reply = send_to(hostile_app(), request).await;
    let body = problem(&reply, 400, "malformed_request");
    assert_bounded(detail(&body), &key);
}

fn get_path_request(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).expect("request")
}

#[tokio::test]
async fn form_body_over_the_limit_is_a_413_problem() {
    let app = Router::new().route("/form", post(form_signup).layer(DefaultBodyLimit::max(64)));
    let form = format!("name={}&email=a@b.c&age=30", "n".repeat(100));
    let request = post_with("/form", Some("application/x-www-form-urlencoded"), &form);
    let reply = send_to(app, request).await;
    let body = problem(&reply, 413, "payload_too_large");
    assert!(detail(&body).contains("larger"), "{body:#}");
}
