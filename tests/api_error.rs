//! Behaviour of derived `ApiError` impls, framework-free: what each attribute puts into the
//! status, code, message, headers and problem body.

use pact::http::{HeaderMap, StatusCode};
use pact::{ApiError, FieldError, ProblemDetails};

#[derive(Debug, thiserror::Error, pact::ApiError)]
#[api(
    status = 400,
    title = "Order problem",
    header("Cache-Control", "no-store")
)]
enum OrderError {
    #[error("order {0} not found")]
    #[api(status = 404, code = "order_not_found")]
    NotFound(u64),

    #[error("internal: quantity {qty} for sku {sku}")]
    #[api(message = "quantity {qty} is not available for {sku:?}")]
    OutOfStock { sku: String, qty: u32 },

    #[error("HTTPTimeout")]
    #[api(
        status = 499,
        title = "Client closed request",
        header("Cache-Control", "private")
    )]
    HTTPClientClosed,

    #[error("db password=hunter2 rejected")]
    #[api(status = 500)]
    Database,

    #[error("maintenance")]
    #[api(status = SERVICE_UNAVAILABLE, message = "back at 10:00 UTC", type = "https://example.com/probs/maintenance")]
    Maintenance,
}

#[test]
fn enum_defaults_apply_where_variants_are_silent() {
    let err = OrderError::OutOfStock {
        sku: "A-1".into(),
        qty: 3,
    };
    assert_eq!(err.status(), StatusCode::BAD_REQUEST);
    assert_eq!(err.code(), "out_of_stock");
    assert_eq!(err.title(), Some("Order problem"));
    assert_eq!(err.message(), "quantity 3 is not available for \"A-1\"");

    let mut headers = HeaderMap::new();
    err.headers(&mut headers);
    assert_eq!(headers["cache-control"], "no-store");
}

#[test]
fn variant_keys_override_enum_defaults() {
    let err = OrderError::HTTPClientClosed;
    assert_eq!(err.status().as_u16(), 499);
    assert_eq!(err.code(), "http_client_closed");
    assert_eq!(err.title(), Some("Client closed request"));
    let mut headers = HeaderMap::new();
    err.headers(&mut headers);
    let values: Vec<_> = headers.get_all("cache-control").iter().collect();
    assert_eq!(
        values,
        ["private"],
        "the variant's header replaces the enum's"
    );
}

#[test]
fn client_errors_default_to_display() {
    let problem = OrderError::NotFound(9).problem_details();
    assert_eq!(problem.status, 404);
    assert_eq!(problem.code, "order_not_found");
    assert_eq!(problem.title, "Order problem");
    assert_eq!(problem.type_uri, "about:blank");
    assert_eq!(problem.detail.as_deref(), Some("order 9 not found"));
}

#[test]
fn server_errors_never_show_display() {
    let problem = OrderError::Database.problem_details();
    assert_eq!(problem.status, 500);
    assert_eq!(problem.code, "database");
    let body = serde_json::to_string(&problem).unwrap();
    assert!(!body.contains("hunter2"), "{body}");
    assert_eq!(
        problem.detail.as_deref(),
        Some(pact::server_error_message(
            StatusCode::INTERNAL_SERVER_ERROR
        ))
    );

    let problem = OrderError::Maintenance.problem_details();
    assert_eq!(problem.detail.as_deref(), Some("back at 10:00 UTC"));
    assert_eq!(problem.type_uri, "https://example.com/probs/maintenance");
}

/// An inner error that adds field errors to its body, as `ValidationErrors` will.
#[derive(Debug, thiserror::Error)]
#[error("2 fields are invalid")]
struct Invalid;

impl ApiError for Invalid {
    fn status(&self) -> StatusCode {
        StatusCode::UNPROCESSABLE_ENTITY
    }
    fn code(&self) -> &'static str {
        "validation_failed"
    }
    fn extend_problem(&self, problem: &mut ProblemDetails) {
        problem
            .errors
            .push(FieldError::new("email", "email", "not an email address"));
        problem
            .errors
            .push(FieldError::new("tags[3]", "length", "too long").with_param("max", 20));
    }
}

#[derive(Debug, thiserror::Error, pact::ApiError)]
enum SignupError {
    #[error(transparent)]
    #[api(transparent)]
    Invalid(#[from] Invalid),

    #[error(transparent)]
    #[api(transparent)]
    Order(Box<OrderError>),

    #[error("taken")]
    #[api(status = 409)]
    Taken,
}

#[test]
fn transparent_forwards_body_extensions() {
    let problem = SignupError::from(Invalid).problem_details();
    assert_eq!(problem.status, 422);
    assert_eq!(problem.code, "validation_failed");
    assert_eq!(problem.errors.len(), 2);
    assert_eq!(problem.errors[1].path, "tags[3]");
    assert_eq!(problem.errors[1].params["max"], 20);

    let json = serde_json::to_value(&problem).unwrap();
    assert_eq!(json["errors"][0]["code"], "email");
}

#[test]
fn transparent_forwards_through_a_box() {
    let err = SignupError::Order(Box::new(OrderError::HTTPClientClosed));
    assert_eq!(err.status().as_u16(), 499);
    assert_eq!(err.code(), "http_client_closed");
    assert_eq!(err.title(), Some("Client closed request"));
    let mut headers = HeaderMap::new();
    err.headers(&mut headers);
    assert_eq!(headers["cache-control"], "private");
    // Non-transparent variants of the same enum keep their own answer.
    assert_eq!(SignupError::Taken.problem_details().code, "taken");
    assert!(SignupError::Taken.problem_details().errors.is_empty());
}

#[derive(Debug, thiserror::Error, pact::ApiError)]
#[error("payment required: balance {balance}")]
#[api(status = PAYMENT_REQUIRED, header("X-Balance", "{balance}"), header("X-Currency", "{currency}"))]
struct PaymentRequired {
    balance: i64,
    currency: &'static str,
}

#[test]
fn struct_default_code_and_headers_from_fields() {
    let err = PaymentRequired {
        balance: -5,
        currency: "EUR",
    };
    assert_eq!(err.code(), "payment_required");
    assert_eq!(err.message(), "payment required: balance -5");
    let mut headers = HeaderMap::new();
    err.headers(&mut headers);
    assert_eq!(headers["x-balance"], "-5");
    assert_eq!(headers["x-currency"], "EUR");
}

#[test]
fn problem_details_serialize_in_rfc_order_and_round_trip() {
    let problem = SignupError::from(Invalid).problem_details();
    let text = serde_json::to_string(&problem).unwrap();
    let order: Vec<usize> = [
        "\"type\"",
        "\"title\"",
        "\"status\"",
        "\"detail\"",
        "\"code\"",
        "\"errors\"",
    ]
    .iter()
    .map(|key| {
        text.find(key)
            .unwrap_or_else(|| panic!("{key} missing in {text}"))
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
    let back: ProblemDetails = serde_json::from_str(&text).unwrap();
    assert_eq!(back, problem);
}

#[test]
fn problem_details_from_a_minimal_foreign_body() {
    let problem: ProblemDetails =
        serde_json::from_str(r#"{"status": 404, "trace": "abc"}"#).unwrap();
    assert_eq!(problem.type_uri, "about:blank");
    assert_eq!(problem.status_code(), StatusCode::NOT_FOUND);
    assert_eq!(problem.extensions["trace"], "abc");
}

#[test]
fn problem_response_sets_content_type_and_headers() {
    let response = pact::problem_response(&PaymentRequired {
        balance: 0,
        currency: "USD",
    });
    assert_eq!(response.status(), StatusCode::PAYMENT_REQUIRED);
    assert_eq!(response.headers()["content-type"], pact::PROBLEM_JSON);
    assert_eq!(response.headers()["x-currency"], "USD");
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["code"], "payment_required");
    assert!(body.get("request_id").is_none());
}

#[derive(Debug, thiserror::Error, pact::ApiError)]
#[error("braces")]
#[api(
    status = 400,
    message = "send {{\"a\": 1}}",
    header("X-Example", "{{}}")
)]
struct Braces;

#[derive(Debug, thiserror::Error, pact::ApiError)]
#[error("braces {0}")]
#[api(status = 400, message = "{{{0}}}", header("X-Example", "{{{0}}}"))]
struct BracesAround(u8);

#[test]
fn escaped_braces_mean_literal_braces_with_or_without_fields() {
    let mut headers = HeaderMap::new();
    Braces.headers(&mut headers);
    assert_eq!(Braces.message(), "send {\"a\": 1}");
    assert_eq!(headers["x-example"], "{}");

    let mut headers = HeaderMap::new();
    BracesAround(7).headers(&mut headers);
    assert_eq!(BracesAround(7).message(), "{7}");
    assert_eq!(headers["x-example"], "{7}");
}

#[derive(Debug, thiserror::Error, pact::ApiError)]
#[error("braces in the title")]
#[api(status = 400, title = "Bad {{json}} body")]
struct BracesInTitle;

#[test]
fn escaped_braces_in_a_title_mean_literal_braces() {
    assert_eq!(BracesInTitle.title(), Some("Bad {json} body"));
    assert_eq!(BracesInTitle.problem_details().title, "Bad {json} body");
}

/// 5xx headers: `Retry-After` from a field works without an opt-in, any other header that
/// shows a field needs `public`.
#[derive(Debug, thiserror::Error, pact::ApiError)]
enum Outage {
    #[error("overloaded, retry in {0}s")]
    #[api(status = 503, header("Retry-After", "{0}"))]
    Overloaded(u64),

    #[error("maintenance until {until}")]
    #[api(status = SERVICE_UNAVAILABLE, header("Retry-After", "{until}"))]
    Maintenance { until: String },

    #[error("shard {shard} down: {reason}")]
    #[api(
        status = 503,
        header("X-Shard", "{shard}", public),
        header("Retry-After", "{reason}")
    )]
    ShardDown { shard: u32, reason: String },
}

fn headers_of(err: &impl ApiError) -> HeaderMap {
    let mut headers = HeaderMap::new();
    err.headers(&mut headers);
    headers
}

#[test]
fn retry_after_from_a_field_is_sent_on_a_503() {
    let headers = headers_of(&Outage::Overloaded(30));
    assert_eq!(headers["retry-after"], "30");
    let date = Outage::Maintenance {
        until: "Sun, 06 Nov 1994 08:49:37 GMT".into(),
    };
    assert_eq!(
        headers_of(&date)["retry-after"],
        "Sun, 06 Nov 1994 08:49:37 GMT"
    );
}

#[test]
fn retry_after_that_is_neither_seconds_nor_a_date_is_left_out() {
    let leaky = Outage::Maintenance {
        until: "db-primary.internal refused connection".into(),
    };
    assert!(headers_of(&leaky).get("retry-after").is_none());
    assert!(
        headers_of(&Outage::Maintenance {
            until: String::new()
        })
        .get("retry-after")
        .is_none()
    );
    assert!(
        headers_of(&Outage::Maintenance { until: "-1".into() })
            .get("retry-after")
            .is_none()
    );
}

#[test]
fn a_public_header_shows_its_field_on_a_5xx() {
    let err = Outage::ShardDown {
        shard: 7,
        reason: "disk /dev/sda1 full".into(),
    };
    let headers = headers_of(&err);
    assert_eq!(headers["x-shard"], "7");
    assert!(headers.get("retry-after").is_none());
    let response = pact::problem_response(&err);
    let body = String::from_utf8(response.body().clone()).unwrap();
    assert!(!body.contains("sda1"), "{body}");
}

/// Every accepted spelling of a status name; none of them needs to be in scope.
#[derive(Debug, thiserror::Error, pact::ApiError)]
enum Spelled {
    #[error("a")]
    #[api(status = CONFLICT)]
    Bare,
    #[error("b")]
    #[api(status = StatusCode::GONE)]
    Type,
    #[error("c")]
    #[api(status = http::StatusCode::LOCKED)]
    Http,
    #[error("d")]
    #[api(status = ::http::StatusCode::IM_A_TEAPOT)]
    RootedHttp,
    #[error("e")]
    #[api(status = ::pact::http::StatusCode::TOO_EARLY)]
    Pact,
}

#[test]
fn status_names_are_read_under_their_known_paths() {
    let statuses: Vec<u16> = [
        Spelled::Bare,
        Spelled::Type,
        Spelled::Http,
        Spelled::RootedHttp,
        Spelled::Pact,
    ]
    .iter()
    .map(|err| err.status().as_u16())
    .collect();
    assert_eq!(statuses, [409, 410, 423, 418, 425]);
}
