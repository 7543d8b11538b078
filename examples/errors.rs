//! Errors turning into HTTP responses: an axum service whose handlers return
//! `Result<Json<T>, ApiErrorType>` and read validated bodies with `Valid<Json<T>>`, driven
//! in-process (no port is opened).
//!
//! ```text
//! cargo run --example errors --features axum
//! ```
//! Each request prints its status, headers and RFC 9457 body; the 5xx also prints the log
//! line with the whole error chain, which the client never sees.

use axum::extract::Path;
use axum::http::{Request, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router, middleware};
use http_body_util::BodyExt;
use pact::axum::Valid;
use serde_json::{Value, json};
use tower::ServiceExt;

/// What can go wrong when reading a user.
#[derive(Debug, thiserror::Error, pact::ApiError)]
enum UserError {
    #[error("user {0} not found")]
    #[api(status = 404, code = "user_not_found")]
    NotFound(u64),

    #[error("user {id} is suspended")]
    #[api(status = FORBIDDEN, message = "this account is suspended", type = "https://example.com/probs/suspended")]
    Suspended { id: u64 },

    #[error("rate limit hit by {client}")]
    #[api(status = 429, header("Retry-After", "{retry_after}"))]
    RateLimited { client: String, retry_after: u64 },

    #[error("missing or invalid token")]
    #[api(status = 401, header("WWW-Authenticate", "Bearer realm=\"users\""))]
    Unauthenticated,

    #[error("loading user failed")]
    #[api(status = 500)]
    Storage(#[source] StorageError),
}

/// A low-level failure whose text must stay out of responses.
#[derive(Debug, thiserror::Error)]
#[error("connection to db-primary.internal:5432 refused")]
struct StorageError;

/// A sign-up body: sanitised, then validated, before the handler runs.
#[derive(Debug, serde::Deserialize, pact::Dto)]
#[serde(rename_all = "camelCase")]
struct SignupRequest {
    #[dto(trim)]
    #[validate(length(min = 3, max = 20), alphanumeric)]
    user_name: String,
    #[dto(trim, lowercase)]
    #[validate(email)]
    email: String,
    #[validate(range(min = 18))]
    age: u8,
    #[validate(each(length(min = 1, max = 10)))]
    tags: Vec<String>,
}

async fn signup(Valid(Json(request)): Valid<Json<SignupRequest>>) -> Json<Value> {
    Json(json!({ "userName": request.user_name, "email": request.email }))
}

async fn user(Path(id): Path<u64>) -> Result<Json<Value>, UserError> {
    match id {
        1 => Ok(Json(json!({ "id": 1, "name": "Ada" }))),
        2 => Err(UserError::Suspended { id }),
        3 => Err(UserError::RateLimited {
            client: "10.1.2.3".into(),
            retry_after: 30,
        }),
        4 => Err(UserError::Unauthenticated),
        5 => Err(UserError::Storage(StorageError)),
        _ => Err(UserError::NotFound(id)),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    tracing_subscriber::fmt()
        .with_target(false)
        .without_time()
        .init();

    let app = Router::new()
        .route("/users/{id}", get(user))
        .route("/signup", post(signup))
        .layer(middleware::from_fn(pact::axum::request_id));

    for id in [1, 42, 2, 3, 4, 5] {
        let request = Request::get(format!("/users/{id}"))
            .header("x-request-id", format!("req-{id}"))
            .body(axum::body::Body::empty())
            .expect("a valid request");
        let response = app.clone().oneshot(request).await.expect("infallible");
        print_response(&format!("GET /users/{id}"), response).await;
    }

    let bodies = [
        r#"{"userName": " ada ", "email": " Ada@Example.COM", "age": 36, "tags": ["math"]}"#,
        r#"{"userName": "a!", "email": "ada@", "age": 12, "tags": ["ok", ""]}"#,
        r#"{"userName": "ada", "email": "#,
    ];
    for body in bodies {
        let request = Request::post("/signup")
            .header("content-type", "application/json")
            .body(axum::body::Body::from(body))
            .expect("a valid request");
        let response = app.clone().oneshot(request).await.expect("infallible");
        print_response(&format!("POST /signup {body}"), response).await;
    }
}

async fn print_response(request: &str, response: axum::response::Response) {
    let status: StatusCode = response.status();
    println!("\n{request}  ->  {status}");
    for (name, value) in response.headers() {
        println!("  {name}: {}", value.to_str().unwrap_or("<binary>"));
    }
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("in-memory body")
        .to_bytes();
    println!("  {}", String::from_utf8_lossy(&bytes));
}
