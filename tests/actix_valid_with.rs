//! `ValidWith<web::Json<T>, C>` and friends on actix-web: a DTO declared with
//! `#[validate(context = C)]` is validated with the `web::Data<C>` registered as app data.
#![cfg(feature = "actix-web")]

use actix_web::http::StatusCode;
use actix_web::http::header::CONTENT_TYPE;
use actix_web::{App, test, web};
use pact::actix::ValidWith;
use pact::validation::RuleError;
use serde_json::{Value, json};

/// What the rules need besides the request: the current time.
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

async fn book_json(booking: ValidWith<web::Json<Booking>, Clock>) -> web::Json<Booking> {
    web::Json(booking.into_inner())
}

async fn book_query(
    ValidWith(web::Query(booking), _): ValidWith<web::Query<Booking>, Clock>,
) -> web::Json<Booking> {
    web::Json(booking)
}

async fn book_form(mut booking: ValidWith<web::Form<Booking>, Clock>) -> web::Json<Booking> {
    booking.starts_at += 1; // `DerefMut` reaches the value
    web::Json(booking.into_inner())
}

fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/json", web::post().to(book_json))
        .route("/query", web::get().to(book_query))
        .route("/form", web::post().to(book_form));
}

async fn send_to(with_clock: bool, request: test::TestRequest) -> (u16, Value) {
    let mut app = App::new();
    if with_clock {
        app = app.app_data(web::Data::new(Clock { now: 100 }));
    }
    let app = test::init_service(app.configure(routes)).await;
    let response = test::call_service(&app, request.to_request()).await;
    let status = response.status().as_u16();
    let bytes = test::read_body(response).await;
    (status, serde_json::from_slice(&bytes).expect("a JSON body"))
}

async fn send(request: test::TestRequest) -> (u16, Value) {
    send_to(true, request).await
}

fn post(uri: &str, content_type: &str, body: &str) -> test::TestRequest {
    test::TestRequest::post()
        .uri(uri)
        .insert_header((CONTENT_TYPE, content_type))
        .set_payload(body.to_owned())
}

#[actix_web::test]
async fn json_is_validated_with_the_context_from_app_data() {
    let (status, body) = send(post(
        "/json",
        "application/json",
        r#"{"room": " A1 ", "starts_at": 150}"#,
    ))
    .await;
    assert_eq!(status, 200, "{body:#}");
    assert_eq!(body, json!({ "room": "A1", "starts_at": 150 }));

    let (status, body) = send(post(
        "/json",
        "application/json",
        r#"{"room": "A1", "starts_at": 50}"#,
    ))
    .await;
    assert_eq!(status, 422, "{body:#}");
    assert_eq!(body["code"], "validation_failed");
    assert_eq!(body["errors"][0]["path"], "starts_at");
    assert_eq!(body["errors"][0]["code"], "in_past");
}

#[actix_web::test]
async fn refusals_are_the_same_problems_as_valid() {
    let (status, _) = send(post("/json", "text/plain", "{}")).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE.as_u16());
    let (status, body) = send(post(
        "/json",
        "application/json",
        r#"{"room": "A1", "starts_at": -1}"#,
    ))
    .await;
    assert_eq!(status, 400, "{body:#}");
    assert_eq!(body["code"], "malformed_request");
    let (status, body) = send(post(
        "/json",
        "application/json",
        r#"{"room": "   ", "starts_at": 1}"#,
    ))
    .await;
    assert_eq!(status, 422, "{body:#}");
    let paths: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["room", "starts_at"]);
}

#[actix_web::test]
async fn query_and_form_take_the_context_too() {
    let (status, body) = send(test::TestRequest::get().uri("/query?room=B2&starts_at=120")).await;
    assert_eq!(status, 200, "{body:#}");
    assert_eq!(body["room"], "B2");
    let (status, body) = send(test::TestRequest::get().uri("/query?room=B2&starts_at=1")).await;
    assert_eq!(status, 422, "{body:#}");
    assert_eq!(body["errors"][0]["code"], "in_past");

    let form = "application/x-www-form-urlencoded";
    let (status, body) = send(post("/form", form, "room=C3&starts_at=200")).await;
    assert_eq!(status, 200, "{body:#}");
    assert_eq!(body["starts_at"], 201);
    let (status, _) = send(post("/form", form, "room=C3&starts_at=99")).await;
    assert_eq!(status, 422);
}

#[actix_web::test]
async fn a_missing_context_is_a_masked_500() {
    for request in [
        post(
            "/json",
            "application/json",
            r#"{"room": "A1", "starts_at": 150}"#,
        ),
        test::TestRequest::get().uri("/query?room=B2&starts_at=120"),
        post(
            "/form",
            "application/x-www-form-urlencoded",
            "room=C3&starts_at=200",
        ),
    ] {
        let (status, body) = send_to(false, request).await;
        assert_eq!(status, 500, "{body:#}");
        assert_eq!(body["code"], "internal");
        let text = body.to_string();
        assert!(
            !text.contains("Clock"),
            "the type name stays in the logs: {text}"
        );
    }
}
