//! Real requests through an actix-web `App`: derived errors as `ResponseError`, and the
//! request-id middleware.
#![cfg(feature = "actix-web")]

use actix_web::dev::ServiceResponse;
use actix_web::middleware::from_fn;
use actix_web::{App, test, web};
use serde_json::{Value, json};

mod common;

use common::errors::{
    AppError, BillingError, DbError, GENERIC_500, INTERNAL_HOST, OrderLocked, SECRET,
};

async fn get_user(id: web::Path<u64>) -> Result<web::Json<Value>, AppError> {
    let id = id.into_inner();
    if id == 1 {
        Ok(web::Json(json!({ "id": id, "name": "ada" })))
    } else {
        Err(AppError::NotFound(id))
    }
}

async fn create_user(body: web::Json<Value>) -> Result<web::Json<Value>, AppError> {
    let email = body["email"].as_str().unwrap_or_default().to_owned();
    if email.starts_with("taken") {
        Err(AppError::EmailTaken { email })
    } else {
        Ok(web::Json(json!({ "email": email })))
    }
}

async fn rate_limited(secs: web::Path<u64>) -> Result<web::Json<Value>, AppError> {
    Err(AppError::RateLimited {
        secs: secs.into_inner(),
    })
}

async fn unauthorized() -> Result<web::Json<Value>, AppError> {
    Err(AppError::Unauthorized)
}

async fn database() -> Result<web::Json<Value>, AppError> {
    Err(AppError::Database(DbError))
}

async fn billing() -> Result<web::Json<Value>, AppError> {
    Err(BillingError::PaymentRequired { balance: -5 }.into())
}

async fn order(id: web::Path<u32>) -> Result<web::Json<Value>, OrderLocked> {
    Err(OrderLocked {
        id: id.into_inner(),
    })
}

fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/users/{id}", web::get().to(get_user))
        .route("/users", web::post().to(create_user))
        .route("/rate/{secs}", web::get().to(rate_limited))
        .route("/auth", web::get().to(unauthorized))
        .route("/db", web::get().to(database))
        .route("/billing", web::get().to(billing))
        .route("/orders/{id}", web::get().to(order));
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    raw: String,
    json: Value,
}

impl Reply {
    /// Every value of header `name`, in order.
    fn header_all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The single value of header `name`.
    fn header(&self, name: &str) -> &str {
        match self.header_all(name).as_slice() {
            [one] => one,
            other => panic!("expected one {name} header, found {other:?}"),
        }
    }

    fn assert_problem_json(&self) {
        assert_eq!(
            self.header("content-type"),
            "application/problem+json",
            "content type of {:?}",
            self.raw
        );
    }
}

async fn reply<B: actix_web::body::MessageBody>(response: ServiceResponse<B>) -> Reply {
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_owned(),
                v.to_str().expect("ascii header").to_owned(),
            )
        })
        .collect();
    let bytes = test::read_body(response).await;
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

/// Sends `request` to an app without the request-id middleware.
async fn send(request: test::TestRequest) -> Reply {
    let app = test::init_service(App::new().configure(routes)).await;
    reply(test::call_service(&app, request.to_request()).await).await
}

/// Sends `request` to an app wrapped in `pact::actix::request_id`.
async fn send_with_request_id(request: test::TestRequest) -> Reply {
    let app = test::init_service(
        App::new()
            .wrap(from_fn(pact::actix::request_id))
            .configure(routes),
    )
    .await;
    reply(test::call_service(&app, request.to_request()).await).await
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

#[actix_web::test]
async fn ok_path_is_plain_json() {
    let reply = send(test::TestRequest::get().uri("/users/1")).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("content-type"), "application/json");
    assert_eq!(reply.json, json!({ "id": 1, "name": "ada" }));
}

#[actix_web::test]
async fn not_found_interpolates_the_message() {
    let reply = send(test::TestRequest::get().uri("/users/42")).await;
    assert_eq!(reply.status, 404);
    reply.assert_problem_json();
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

#[actix_web::test]
async fn conflict_has_custom_code() {
    let reply = send(
        test::TestRequest::post()
            .uri("/users")
            .set_json(json!({ "email": "taken@example.com" })),
    )
    .await;
    assert_eq!(reply.status, 409);
    reply.assert_problem_json();
    assert_eq!(reply.json["status"], 409);
    assert_eq!(reply.json["title"], "Conflict");
    assert_eq!(reply.json["code"], "email_taken");
    assert_eq!(
        reply.json["detail"],
        "email taken@example.com is already taken"
    );
    assert!(reply.json.get("errors").is_none(), "{}", reply.raw);

    let reply = send(
        test::TestRequest::post()
            .uri("/users")
            .set_json(json!({ "email": "new@example.com" })),
    )
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json, json!({ "email": "new@example.com" }));
}

#[actix_web::test]
async fn rate_limited_sets_retry_after_from_field() {
    for secs in [30_u64, 7] {
        let reply = send(test::TestRequest::get().uri(&format!("/rate/{secs}"))).await;
        assert_eq!(reply.status, 429);
        reply.assert_problem_json();
        assert_eq!(reply.header_all("retry-after"), [secs.to_string().as_str()]);
        assert_eq!(reply.json["status"], 429);
        assert_eq!(reply.json["title"], "Too Many Requests");
        assert_eq!(reply.json["code"], "rate_limited");
        assert_eq!(reply.json["detail"], "too many requests");
    }
}

#[actix_web::test]
async fn unauthorized_sets_static_www_authenticate() {
    let reply = send(test::TestRequest::get().uri("/auth")).await;
    assert_eq!(reply.status, 401);
    reply.assert_problem_json();
    assert_eq!(reply.header("www-authenticate"), r#"Bearer realm="api""#);
    assert_eq!(reply.json["status"], 401);
    assert_eq!(reply.json["title"], "Unauthorized");
    assert_eq!(reply.json["code"], "unauthorized");
    assert_eq!(reply.json["detail"], "missing credentials");
}

#[actix_web::test]
async fn server_error_hides_display_and_source() {
    let reply = send(test::TestRequest::get().uri("/db")).await;
    assert_eq!(reply.status, 500);
    reply.assert_problem_json();
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
                !value.contains(secret),
                "5xx header {name} leaks {secret:?}"
            );
        }
    }
}

#[actix_web::test]
async fn transparent_variant_forwards_status_code_and_headers() {
    let reply = send(test::TestRequest::get().uri("/billing")).await;
    assert_eq!(reply.status, 402);
    reply.assert_problem_json();
    assert_eq!(reply.header("x-balance"), "-5");
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

#[actix_web::test]
async fn struct_error_with_title_and_type() {
    let reply = send(test::TestRequest::get().uri("/orders/9")).await;
    assert_eq!(reply.status, 423);
    reply.assert_problem_json();
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

#[actix_web::test]
async fn request_id_middleware_adds_request_id_to_body() {
    let reply = send_with_request_id(
        test::TestRequest::get()
            .uri("/users/5")
            .insert_header(("x-request-id", "req-abc-123")),
    )
    .await;
    assert_eq!(reply.status, 404);
    reply.assert_problem_json();
    assert_eq!(reply.json["request_id"], "req-abc-123");
    assert_eq!(reply.json["code"], "user_not_found");
    assert_eq!(reply.json["detail"], "user 5 not found");

    let reply = send_with_request_id(
        test::TestRequest::get()
            .uri("/db")
            .insert_header(("x-request-id", "req-500")),
    )
    .await;
    assert_eq!(reply.status, 500);
    assert_eq!(reply.json["request_id"], "req-500");
    assert_eq!(reply.json["detail"], GENERIC_500);

    // Headers of the error still pass through the middleware.
    let reply = send_with_request_id(
        test::TestRequest::get()
            .uri("/rate/12")
            .insert_header(("x-request-id", "req-429")),
    )
    .await;
    assert_eq!(reply.status, 429);
    assert_eq!(reply.header("retry-after"), "12");
    assert_eq!(reply.json["request_id"], "req-429");

    let reply = send_with_request_id(
        test::TestRequest::get()
            .uri("/users/1")
            .insert_header(("x-request-id", "req-ok")),
    )
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json, json!({ "id": 1, "name": "ada" }));
}

#[actix_web::test]
async fn no_request_id_without_header_middleware_or_valid_value() {
    let reply = send_with_request_id(test::TestRequest::get().uri("/users/5")).await;
    assert_eq!(reply.status, 404);
    assert!(reply.json.get("request_id").is_none(), "{}", reply.raw);

    let reply = send(
        test::TestRequest::get()
            .uri("/users/5")
            .insert_header(("x-request-id", "req-ignored")),
    )
    .await;
    assert_eq!(reply.status, 404);
    assert!(reply.json.get("request_id").is_none(), "{}", reply.raw);

    let reply = send_with_request_id(
        test::TestRequest::get()
            .uri("/users/5")
            .insert_header(("x-request-id", "two words")),
    )
    .await;
    assert_eq!(reply.status, 404);
    assert!(reply.json.get("request_id").is_none(), "{}", reply.raw);

    let long = "a".repeat(129);
    let reply = send_with_request_id(
        test::TestRequest::get()
            .uri("/users/5")
            .insert_header(("x-request-id", long.as_str())),
    )
    .await;
    assert!(reply.json.get("request_id").is_none(), "{}", reply.raw);
}

async fn invalid() -> Result<web::Json<Value>, pact::ValidationErrors> {
    let mut errors = pact::ValidationErrors::new();
    errors.push(
        &pact::validation::Path::root().field("email"),
        pact::RuleError::new("email", "must be an email address"),
    );
    Err(errors)
}

async fn missing() -> Result<web::Json<Value>, pact::RepoError> {
    Err(pact::RepoError::NotFound {
        entity: "User",
        id: "7".into(),
    })
}

#[actix_web::test]
async fn validation_errors_and_repo_errors_are_responses() {
    let app = test::init_service(
        App::new()
            .route("/invalid", web::get().to(invalid))
            .route("/missing", web::get().to(missing)),
    )
    .await;
    let call = |uri: &'static str| {
        test::call_service(&app, test::TestRequest::get().uri(uri).to_request())
    };

    let reply = reply(call("/invalid").await).await;
    assert_eq!(reply.status, 422);
    reply.assert_problem_json();
    assert_eq!(reply.json["code"], "validation_failed");
    assert_eq!(reply.json["errors"][0]["path"], "email");

    let reply = self::reply(call("/missing").await).await;
    assert_eq!(reply.status, 404);
    reply.assert_problem_json();
    assert_eq!(reply.json["code"], "not_found");
}

/// `#[api(crate = shim)]` reaches the framework impl too: the response is built through
/// `shim::__private`, which marks it, rather than through pact-core's own path.
mod shim {
    pub use pact::*;

    pub mod __private {
        pub use pact::__private::*;

        pub fn actix_error_response<E: pact::ApiError + ?Sized>(
            err: &E,
        ) -> actix_web::HttpResponse {
            let mut response = pact::__private::actix_error_response(err);
            response.headers_mut().insert(
                actix_web::http::header::HeaderName::from_static("x-built-by"),
                actix_web::http::header::HeaderValue::from_static("shim"),
            );
            response
        }
    }
}

#[derive(Debug, thiserror::Error, pact::ApiError)]
#[error("through the shim")]
#[api(crate = shim, status = 418)]
struct ThroughShim;

#[actix_web::test]
async fn framework_impl_goes_through_the_crate_path() {
    let app = test::init_service(App::new().route(
        "/shim",
        web::get().to(|| async { Err::<web::Json<Value>, _>(ThroughShim) }),
    ))
    .await;
    let reply =
        reply(test::call_service(&app, test::TestRequest::get().uri("/shim").to_request()).await)
            .await;
    assert_eq!(reply.status, 418);
    assert_eq!(reply.header("x-built-by"), "shim");
    reply.assert_problem_json();
}
