//! What pact logs through `tracing` when an error becomes a response: captured with a small
//! `Layer`, installed as the thread's default subscriber around a current-thread runtime.
#![cfg(feature = "axum")]

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::Path;
use axum::routing::get;
use axum::{Json, Router, middleware};
use http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

// ---------------------------------------------------------------------------------------------
// Capturing subscriber

#[derive(Debug, Clone)]
struct Captured {
    level: Level,
    target: String,
    fields: BTreeMap<String, String>,
}

impl Captured {
    fn field(&self, name: &str) -> Option<&str> {
        self.fields.get(name).map(String::as_str)
    }
}

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<Captured>>>);

impl Capture {
    fn events(&self) -> Vec<Captured> {
        self.0.lock().unwrap().clone()
    }
}

#[derive(Default)]
struct Fields(BTreeMap<String, String>);

impl Visit for Fields {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }
}

impl<S: Subscriber> Layer<S> for Capture {
    fn on_event(&self, event: &Event<'_>, _ctx: Context<'_, S>) {
        let mut fields = Fields::default();
        event.record(&mut fields);
        self.0.lock().unwrap().push(Captured {
            level: *event.metadata().level(),
            target: event.metadata().target().to_owned(),
            fields: fields.0,
        });
    }
}

/// Runs `future` on a current-thread tokio runtime with a capturing subscriber as this
/// thread's default, and returns its output with every event logged meanwhile.
fn captured<F: Future>(future: F) -> (F::Output, Vec<Captured>) {
    let capture = Capture::default();
    let subscriber = tracing_subscriber::registry().with(capture.clone());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    let output = tracing::subscriber::with_default(subscriber, || runtime.block_on(future));
    (output, capture.events())
}

fn at(events: &[Captured], level: Level) -> Vec<&Captured> {
    events.iter().filter(|e| e.level == level).collect()
}

// ---------------------------------------------------------------------------------------------
// Errors

#[derive(Debug, thiserror::Error)]
#[error("root")]
struct Root;

#[derive(Debug, thiserror::Error)]
#[error("middle")]
struct Middle(#[source] Root);

#[derive(Debug, thiserror::Error, pact::ApiError)]
enum ShopError {
    #[error("outer")]
    #[api(status = 500, code = "storage_failed")]
    Storage(#[source] Middle),

    #[error("item {0} not found")]
    #[api(status = 404, code = "item_not_found")]
    NotFound(u32),

    #[error("redirect refused")]
    #[api(
        status = 400,
        code = "bad_redirect",
        header("Location", "{target}"),
        header("X-Kind", "redirect")
    )]
    BadRedirect { target: String },
}

const INJECTED_TARGET: &str = "https://example.com/\r\nSet-Cookie: session=evil";
const GENERIC_500: &str = "The server could not complete the request. The error has been logged.";

// ---------------------------------------------------------------------------------------------
// axum

async fn storage() -> Result<Json<Value>, ShopError> {
    Err(ShopError::Storage(Middle(Root)))
}

async fn item(Path(id): Path<u32>) -> Result<Json<Value>, ShopError> {
    Err(ShopError::NotFound(id))
}

async fn redirect() -> Result<Json<Value>, ShopError> {
    Err(ShopError::BadRedirect {
        target: INJECTED_TARGET.to_owned(),
    })
}

fn app() -> Router {
    Router::new()
        .route("/storage", get(storage))
        .route("/items/{id}", get(item))
        .route("/redirect", get(redirect))
        .layer(middleware::from_fn(pact::axum::request_id))
}

async fn send(request: Request<Body>) -> (StatusCode, http::HeaderMap, String) {
    let response = app().oneshot(request).await.expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8(bytes.to_vec()).unwrap())
}

#[test]
fn server_error_logs_full_chain_once_at_error() {
    let request = Request::get("/storage")
        .header("x-request-id", "req-log-500")
        .body(Body::empty())
        .unwrap();
    let ((status, headers, body), events) = captured(send(request));

    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        headers.get(header::CONTENT_TYPE).unwrap(),
        "application/problem+json"
    );
    let json: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["detail"], GENERIC_500);
    assert_eq!(json["code"], "storage_failed");
    assert_eq!(json["request_id"], "req-log-500");
    for internal in ["outer", "middle", "root"] {
        assert!(!body.contains(internal), "body leaks {internal:?}: {body}");
    }

    let errors = at(&events, Level::ERROR);
    assert_eq!(errors.len(), 1, "exactly one ERROR event: {events:#?}");
    let event = errors[0];
    assert_eq!(
        event.field("error"),
        Some("outer: middle: root"),
        "{event:#?}"
    );
    assert_eq!(event.field("status"), Some("500"), "{event:#?}");
    assert_eq!(event.field("code"), Some("storage_failed"), "{event:#?}");
    assert_eq!(event.field("request_id"), Some("req-log-500"), "{event:#?}");
    assert!(event.target.starts_with("pact"), "{event:#?}");

    // Reported once, and only at ERROR.
    let reports: Vec<_> = events
        .iter()
        .filter(|e| e.field("code").is_some())
        .collect();
    assert_eq!(reports.len(), 1, "{events:#?}");
}

#[test]
fn client_error_logs_at_debug_not_error() {
    let request = Request::get("/items/7").body(Body::empty()).unwrap();
    let ((status, _, body), events) = captured(send(request));

    assert_eq!(status, StatusCode::NOT_FOUND);
    let json: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["detail"], "item 7 not found");

    assert!(at(&events, Level::ERROR).is_empty(), "{events:#?}");
    assert!(at(&events, Level::WARN).is_empty(), "{events:#?}");
    let reports: Vec<_> = events
        .iter()
        .filter(|e| e.field("code") == Some("item_not_found"))
        .collect();
    assert_eq!(reports.len(), 1, "exactly one report: {events:#?}");
    let event = reports[0];
    assert_eq!(event.level, Level::DEBUG, "{event:#?}");
    assert_eq!(event.field("status"), Some("404"), "{event:#?}");
    assert_eq!(event.field("error"), Some("item 7 not found"), "{event:#?}");
    // No x-request-id header: no request_id field.
    assert_eq!(event.field("request_id"), None, "{event:#?}");
}

#[test]
fn client_error_debug_event_carries_request_id() {
    let request = Request::get("/items/8")
        .header("x-request-id", "req-log-404")
        .body(Body::empty())
        .unwrap();
    let ((status, _, _), events) = captured(send(request));
    assert_eq!(status, StatusCode::NOT_FOUND);
    let debug = at(&events, Level::DEBUG);
    let event = debug
        .iter()
        .find(|e| e.field("code") == Some("item_not_found"))
        .unwrap_or_else(|| panic!("no DEBUG report: {events:#?}"));
    assert_eq!(event.field("request_id"), Some("req-log-404"), "{event:#?}");
}

#[test]
fn invalid_interpolated_header_is_left_out_and_warned() {
    let request = Request::get("/redirect").body(Body::empty()).unwrap();
    let ((status, headers, body), events) = captured(send(request));

    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        headers.get(header::LOCATION).is_none(),
        "invalid Location sent: {headers:?}"
    );
    assert!(
        headers.get(header::SET_COOKIE).is_none(),
        "header injection: {headers:?}"
    );
    // The valid header of the same error is still sent.
    assert_eq!(headers.get("x-kind").unwrap(), "redirect");
    assert_eq!(
        headers.get(header::CONTENT_TYPE).unwrap(),
        "application/problem+json"
    );
    let json: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["status"], 400);
    assert_eq!(json["code"], "bad_redirect");
    assert_eq!(json["detail"], "redirect refused");

    let warnings = at(&events, Level::WARN);
    assert_eq!(warnings.len(), 1, "exactly one WARN event: {events:#?}");
    assert_eq!(
        warnings[0].field("header"),
        Some("location"),
        "{:#?}",
        warnings[0]
    );
    assert!(at(&events, Level::ERROR).is_empty(), "{events:#?}");
}

/// A 503 whose `Retry-After` comes from a string field: only seconds or an HTTP date is sent.
#[derive(Debug, thiserror::Error, pact::ApiError)]
#[error("replica lagging: {0}")]
#[api(status = 503, header("Retry-After", "{0}"))]
struct Lagging(String);

#[test]
fn a_retry_after_that_is_not_a_delay_is_left_out_and_warned() {
    let ((), events) = captured(async {
        let mut headers = http::HeaderMap::new();
        pact::ApiError::headers(
            &Lagging("replica db-2.internal 40s behind".into()),
            &mut headers,
        );
        assert!(headers.get(header::RETRY_AFTER).is_none(), "{headers:?}");
        let mut headers = http::HeaderMap::new();
        pact::ApiError::headers(&Lagging("40".into()), &mut headers);
        assert_eq!(headers[header::RETRY_AFTER], "40");
    });
    let warnings = at(&events, Level::WARN);
    assert_eq!(warnings.len(), 1, "exactly one WARN event: {events:#?}");
    assert_eq!(warnings[0].field("header"), Some("retry-after"));
    let logged = format!("{events:?}");
    assert!(
        !logged.contains("db-2"),
        "the value itself is not logged: {logged}"
    );
}

// ---------------------------------------------------------------------------------------------
// actix-web: the same reports through its integration

#[cfg(feature = "actix-web")]
mod actix {
    use actix_web::middleware::from_fn;
    use actix_web::test as actix_test;
    use actix_web::{App, web};
    use serde_json::Value;

    use super::{Capture, Captured, GENERIC_500, Level, Middle, Root, ShopError, at};
    use tracing_subscriber::layer::SubscriberExt;

    fn captured<F: Future>(future: F) -> (F::Output, Vec<Captured>) {
        let capture = Capture::default();
        let subscriber = tracing_subscriber::registry().with(capture.clone());
        let output = tracing::subscriber::with_default(subscriber, || {
            actix_web::rt::System::new().block_on(future)
        });
        (output, capture.events())
    }

    async fn storage() -> Result<web::Json<Value>, ShopError> {
        Err(ShopError::Storage(Middle(Root)))
    }

    async fn redirect() -> Result<web::Json<Value>, ShopError> {
        Err(ShopError::BadRedirect {
            target: super::INJECTED_TARGET.to_owned(),
        })
    }

    async fn call(uri: &str, request_id: Option<&str>) -> (u16, Vec<(String, String)>, String) {
        let app = actix_test::init_service(
            App::new()
                .wrap(from_fn(pact::actix::request_id))
                .route("/storage", web::get().to(storage))
                .route("/redirect", web::get().to(redirect)),
        )
        .await;
        let mut request = actix_test::TestRequest::get().uri(uri);
        if let Some(id) = request_id {
            request = request.insert_header(("x-request-id", id));
        }
        let response = actix_test::call_service(&app, request.to_request()).await;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(n, v)| (n.as_str().to_owned(), v.to_str().unwrap().to_owned()))
            .collect();
        let body = actix_test::read_body(response).await;
        (status, headers, String::from_utf8(body.to_vec()).unwrap())
    }

    #[test]
    fn server_error_logs_full_chain_once_at_error() {
        let ((status, _, body), events) = captured(call("/storage", Some("req-actix-500")));
        assert_eq!(status, 500);
        let json: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(json["detail"], GENERIC_500);
        assert_eq!(json["request_id"], "req-actix-500");
        assert!(!body.contains("middle"), "{body}");

        let errors = at(&events, Level::ERROR);
        assert_eq!(errors.len(), 1, "exactly one ERROR event: {events:#?}");
        let event = errors[0];
        assert_eq!(
            event.field("error"),
            Some("outer: middle: root"),
            "{event:#?}"
        );
        assert_eq!(event.field("status"), Some("500"), "{event:#?}");
        assert_eq!(event.field("code"), Some("storage_failed"), "{event:#?}");
        assert_eq!(
            event.field("request_id"),
            Some("req-actix-500"),
            "{event:#?}"
        );
        let reports = events.iter().filter(|e| e.field("code").is_some()).count();
        assert_eq!(reports, 1, "{events:#?}");
    }

    #[test]
    fn invalid_interpolated_header_is_left_out_and_warned() {
        let ((status, headers, body), events) = captured(call("/redirect", None));
        assert_eq!(status, 400);
        let names: Vec<&str> = headers.iter().map(|(n, _)| n.as_str()).collect();
        assert!(!names.contains(&"location"), "{headers:?}");
        assert!(!names.contains(&"set-cookie"), "{headers:?}");
        assert!(
            headers.contains(&("x-kind".to_owned(), "redirect".to_owned())),
            "{headers:?}"
        );
        let json: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(json["code"], "bad_redirect");

        let warnings = at(&events, Level::WARN);
        assert_eq!(warnings.len(), 1, "exactly one WARN event: {events:#?}");
        assert_eq!(warnings[0].field("header"), Some("location"));
    }
}
