//! Real requests through an actix-web `App` to handlers that take `Valid<web::Json<T>>`,
//! `Valid<web::Query<T>>` and `Valid<web::Form<T>>`: the handler sees the normalized value,
//! and every refusal is problem+json.
#![cfg(feature = "actix-web")]

use actix_web::http::StatusCode;
use actix_web::http::header::CONTENT_TYPE;
use actix_web::{App, test, web};
use pact::Rejection;
use pact::actix::Valid;
use serde_json::{Value, json};

mod common;

use common::hostile::{Scores, Strict, assert_bounded};
use common::signup::{Signup, detail, pairs, violations};

async fn json_signup(Valid(web::Json(signup)): Valid<web::Json<Signup>>) -> web::Json<Signup> {
    web::Json(signup)
}

async fn query_signup(signup: Valid<web::Query<Signup>>) -> web::Json<Signup> {
    web::Json(signup.into_inner())
}

async fn form_signup(mut signup: Valid<web::Form<Signup>>) -> web::Json<Signup> {
    // `DerefMut` reaches the value itself.
    signup.age += 1;
    web::Json(signup.into_inner())
}

/// Handlers may take the rejection themselves.
async fn inspect(signup: Result<Valid<web::Json<Signup>>, Rejection>) -> web::Json<Value> {
    web::Json(match signup {
        Ok(signup) => json!({ "ok": signup.name }),
        Err(Rejection::Invalid(errors)) => json!({ "invalid": errors.len() }),
        Err(other) => json!({ "other": other.to_string() }),
    })
}

fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/json", web::post().to(json_signup))
        .route("/query", web::get().to(query_signup))
        .route("/form", web::post().to(form_signup))
        .route("/inspect", web::post().to(inspect))
        .route("/scores", web::post().to(scores))
        .route("/strict", web::get().to(strict_query))
        .route("/strict", web::post().to(strict_form))
        .service(
            web::resource("/small")
                .app_data(web::JsonConfig::default().limit(16))
                .route(web::post().to(json_signup)),
        )
        .service(
            web::resource("/handled")
                .app_data(
                    web::JsonConfig::default().error_handler(|error, _| {
                        actix_web::error::ErrorImATeapot(error.to_string())
                    }),
                )
                .route(web::post().to(json_signup)),
        );
}

struct Reply {
    status: StatusCode,
    content_type: String,
    json: Value,
}

async fn send(request: test::TestRequest) -> Reply {
    let app = test::init_service(App::new().configure(routes)).await;
    let response = test::call_service(&app, request.to_request()).await;
    let status = response.status();
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .map(|value| value.to_str().expect("ascii").to_owned())
        .unwrap_or_default();
    let bytes = test::read_body(response).await;
    let raw = String::from_utf8(bytes.to_vec()).expect("utf-8 body");
    let json =
        serde_json::from_str(&raw).unwrap_or_else(|e| panic!("body is not JSON ({e}): {raw:?}"));
    Reply {
        status,
        content_type,
        json,
    }
}

fn post_with(uri: &str, content_type: Option<&str>, body: &str) -> test::TestRequest {
    let mut request = test::TestRequest::post()
        .uri(uri)
        .set_payload(body.to_owned());
    if let Some(content_type) = content_type {
        request = request.insert_header((CONTENT_TYPE, content_type));
    }
    request
}

fn post_json(body: &str) -> test::TestRequest {
    post_with("/json", Some("application/json"), body)
}

fn post_form(body: &str) -> test::TestRequest {
    post_with("/form", Some("application/x-www-form-urlencoded"), body)
}

fn get_query(query: &str) -> test::TestRequest {
    test::TestRequest::get().uri(&format!("/query?{query}"))
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

#[actix_web::test]
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

#[actix_web::test]
async fn json_accepts_a_json_suffix_and_parameters() {
    let reply = send(post_with(
        "/json",
        Some("application/vnd.api+json; charset=utf-8"),
        r#"{"name": "Ada", "email": "ada@example.com", "age": 36}"#,
    ))
    .await;
    assert_eq!(reply.status, StatusCode::OK);
}

#[actix_web::test]
async fn json_syntax_error_is_400_with_the_parsers_message() {
    let reply = send(post_json(r#"{"name": "Ada", "email": }"#)).await;
    let body = problem(&reply, 400, "malformed_request");
    assert!(detail(&body).contains("line 1 column"), "{body:#}");
    assert!(body.get("errors").is_none());
}

#[actix_web::test]
async fn json_truncated_body_is_400() {
    let reply = send(post_json(r#"{"name": "Ada""#)).await;
    let body = problem(&reply, 400, "malformed_request");
    detail(&body);
}

#[actix_web::test]
async fn json_data_error_is_400_with_the_parsers_message() {
    let reply = send(post_json(
        r#"{"name": "Ada", "email": "ada@example.com", "age": "old"}"#,
    ))
    .await;
    let body = problem(&reply, 400, "malformed_request");
    // serde says `expected u32`; the client reads JSON's terms.
    assert!(
        detail(&body)
            .contains("invalid type: string \"old\", expected an integer from 0 to 4294967295"),
        "{body:#}"
    );
    assert!(!detail(&body).contains("u32"), "{body:#}");
    assert!(
        !detail(&body).contains("Json deserialize error"),
        "{body:#}"
    );
}

#[actix_web::test]
async fn json_missing_field_is_400() {
    let reply = send(post_json(r#"{"name": "Ada", "age": 36}"#)).await;
    let body = problem(&reply, 400, "malformed_request");
    assert!(detail(&body).contains("email"), "{body:#}");
}

#[actix_web::test]
async fn json_without_content_type_is_415() {
    let reply = send(post_with("/json", None, r#"{"name": "Ada"}"#)).await;
    let body = problem(&reply, 415, "unsupported_media_type");
    assert!(detail(&body).contains("application/json"), "{body:#}");
}

#[actix_web::test]
async fn json_with_another_content_type_is_415() {
    let reply = send(post_with("/json", Some("text/plain"), r#"{"name": "Ada"}"#)).await;
    let body = problem(&reply, 415, "unsupported_media_type");
    assert!(detail(&body).contains("application/json"), "{body:#}");
}

#[actix_web::test]
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

#[actix_web::test]
async fn json_normalizes_before_validating() {
    // Only whitespace: valid before trimming, empty after.
    let reply = send(post_json(
        r#"{"name": " \t ", "email": "ada@example.com", "age": 36}"#,
    ))
    .await;
    let body = problem(&reply, 422, "validation_failed");
    assert_eq!(violations(&body), pairs(&[("name", "length")]));
}

#[actix_web::test]
async fn json_config_limit_applies_and_answers_a_problem() {
    let reply = send(post_with(
        "/small",
        Some("application/json"),
        r#"{"name": "Ada", "email": "ada@example.com", "age": 36}"#,
    ))
    .await;
    let body = problem(&reply, 413, "payload_too_large");
    assert!(detail(&body).contains("larger"), "{body:#}");
}

#[actix_web::test]
async fn json_config_error_handler_output_still_answers_a_problem() {
    let reply = send(post_with("/handled", Some("application/json"), "{")).await;
    let body = problem(&reply, 400, "malformed_request");
    detail(&body);
}

#[actix_web::test]
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

#[actix_web::test]
async fn query_valid_reaches_the_handler_normalized() {
    let reply = send(get_query("name=%20Ada%20&email=ADA%40example.com&age=36")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(
        reply.json,
        json!({ "name": "Ada", "email": "ada@example.com", "age": 36 })
    );
}

#[actix_web::test]
async fn query_that_does_not_deserialize_is_400() {
    let reply = send(get_query("name=Ada&email=ada%40example.com&age=old")).await;
    let body = problem(&reply, 400, "malformed_request");
    assert!(detail(&body).contains("invalid digit"), "{body:#}");

    let reply = send(get_query("name=Ada")).await;
    let body = problem(&reply, 400, "malformed_request");
    assert!(detail(&body).contains("email"), "{body:#}");
}

#[actix_web::test]
async fn query_rule_violations_are_422() {
    let reply = send(get_query("name=+&email=nobody&age=36")).await;
    let body = problem(&reply, 422, "validation_failed");
    assert_eq!(
        violations(&body),
        pairs(&[("name", "length"), ("email", "email")])
    );
}

// ---- Form ----

#[actix_web::test]
async fn form_valid_reaches_the_handler_normalized() {
    let reply = send(post_form("name=+Ada+&email=+ADA%40example.com&age=36")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(
        reply.json,
        json!({ "name": "Ada", "email": "ada@example.com", "age": 37 })
    );
}

#[actix_web::test]
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

#[actix_web::test]
async fn form_that_does_not_deserialize_is_400() {
    let reply = send(post_form("name=Ada&email=ada%40example.com&age=-1")).await;
    let body = problem(&reply, 400, "malformed_request");
    assert!(detail(&body).contains("invalid digit"), "{body:#}");
}

#[actix_web::test]
async fn form_rule_violations_are_422() {
    let reply = send(post_form("name=Ada&email=nobody&age=17")).await;
    let body = problem(&reply, 422, "validation_failed");
    assert_eq!(
        violations(&body),
        pairs(&[("email", "email"), ("age", "range")])
    );
}

// ---- Hostile input: parser messages stay bounded and name JSON types ----

async fn scores(Valid(web::Json(scores)): Valid<web::Json<Scores>>) -> web::Json<Scores> {
    web::Json(scores)
}

async fn strict_query(Valid(web::Query(strict)): Valid<web::Query<Strict>>) -> web::Json<Strict> {
    web::Json(strict)
}

async fn strict_form(Valid(web::Form(strict)): Valid<web::Form<Strict>>) -> web::Json<Strict> {
    web::Json(strict)
}

#[actix_web::test]
async fn parser_messages_name_json_types_not_rust_ones() {
    let reply = send(post_json(
        r#"{"name": "Ada", "email": "ada@example.com", "age": -1}"#,
    ))
    .await;
    let body = problem(&reply, 400, "malformed_request");
    let message = detail(&body);
    assert!(
        message
            .starts_with("invalid value: integer `-1`, expected an integer from 0 to 4294967295"),
        "{message}"
    );
    let reply = send(post_json(
        r#"{"name": [], "email": "ada@example.com", "age": 1}"#,
    ))
    .await;
    let body = problem(&reply, 400, "malformed_request");
    assert!(
        detail(&body).starts_with("invalid type: array, expected a string"),
        "{body:#}"
    );
}

#[actix_web::test]
async fn a_hostile_map_key_or_value_is_cut() {
    let key = "k".repeat(600);
    let body = format!(r#"{{"scores": {{"{key}": "{key}"}}}}"#);
    let reply = send(post_with("/scores", Some("application/json"), &body)).await;
    let body = problem(&reply, 400, "malformed_request");
    let message = detail(&body);
    assert_bounded(message, &key);
    assert!(
        message.contains("expected an integer from 0 to 255"),
        "{message}"
    );

    let value = "é".repeat(2000);
    let body = format!(r#"{{"name": "Ada", "email": "ada@example.com", "age": "{value}"}}"#);
    let reply = send(post_json(&body)).await;
    let body = problem(&reply, 400, "malformed_request");
    let message = detail(&body);
    assert_bounded(message, &value);
    assert!(
        message.contains("…\", expected an integer from 0 to 4294967295"),
        "{message}"
    );
}

#[actix_web::test]
async fn a_hostile_query_or_form_key_is_cut() {
    let key = "q".repeat(600);
    let reply = send(test::TestRequest::get().uri(&format!("/strict?{key}=1&name=a"))).await;
    let body = problem(&reply, 400, "malformed_request");
    assert_bounded(detail(&body), &key);
    assert!(detail(&body).contains("unknown field `qqq"), "{body:#}");

    let form = format!("name=a&{key}=1");
    let reply = send(post_with(
        "/strict",
        Some("application/x-www-form-urlencoded"),
        &form,
    ))
    .await;
    let body = problem(&reply, 400, "malformed_request");
    assert_bounded(detail(&body), &key);
}

#[actix_web::test]
async fn form_body_over_the_default_limit_is_a_413_problem() {
    // `FormConfig`'s default limit is 16 kB, as the `Valid` docs say.
    let form = format!("name={}&email=a@b.c&age=30", "n".repeat(20_000));
    let reply = send(post_form(&form)).await;
    let body = problem(&reply, 413, "payload_too_large");
    assert!(detail(&body).contains("larger"), "{body:#}");
}
