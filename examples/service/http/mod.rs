//! The HTTP layer: routes, the OpenAPI document and the middleware stack.
//!
//! Layers, outermost first: a request id is generated when the client sent none
//! (`SetRequestId`) and echoed (`PropagateRequestId`); a trace span per request carries it;
//! CORS; pact's request-id scope, which puts the id into every problem body and error log;
//! the problem guard (any error response without a problem body becomes one); the rate limit
//! (429 with `Retry-After`); the timeout (408); the body limit (413).

pub mod auth;
pub mod extract;
pub mod notes;
pub mod users;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Weak};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Request};
use axum::http::header::{ALLOW, CONTENT_TYPE};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use tower_governor::GovernorError;
use tower_governor::governor::{GovernorConfig, GovernorConfigBuilder};
use tower_governor::key_extractor::KeyExtractor;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;
use utoipa::Modify;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{InfoBuilder, License, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use utoipa_swagger_ui::SwaggerUi;

use crate::service::config::{Config, RateLimit};
use crate::service::errors::HttpError;
use crate::service::services::{Notes, Users};

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub users: Arc<Users>,
    pub notes: Arc<Notes>,
}

/// The routes with their OpenAPI operations, split into the router and the document.
pub fn api() -> (Router<AppState>, OpenApi) {
    let (router, mut api) = OpenApiRouter::<AppState>::new()
        .routes(routes!(auth::token))
        .routes(routes!(users::signup, users::list))
        .routes(routes!(users::scroll))
        .routes(routes!(users::show, users::update, users::remove))
        .routes(routes!(notes::list, notes::create))
        .routes(routes!(notes::show, notes::update, notes::remove))
        .split_for_parts();
    api.info = InfoBuilder::new()
        .title("pact example service")
        .version(env!("CARGO_PKG_VERSION"))
        .description(Some(
            "Users and their notes, built from pact's derives. Every error is application/problem+json.",
        ))
        .license(Some(License::new("MIT OR Apache-2.0")))
        .build();
    pact::openapi::ProblemSchemas.modify(&mut api);
    BearerScheme.modify(&mut api);
    (router, api)
}

/// The `bearer` security scheme the operations refer to.
struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
    }
}

/// The whole application: routes, `/openapi.json`, `/docs` and the middleware stack.
pub fn router(state: AppState, config: &Config) -> Router {
    let (api_routes, api) = api();
    let router = api_routes
        .merge(SwaggerUi::new("/docs").url("/openapi.json", api))
        .fallback(route_not_found)
        .with_state(state)
        .layer(DefaultBodyLimit::max(config.body_limit))
        .layer(RequestBodyLimitLayer::new(config.body_limit))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            config.request_timeout,
        ));
    let router = match config.rate_limit {
        Some(limit) => router.layer(rate_limit(limit)),
        None => router,
    };
    router
        .layer(axum::middleware::map_response(problem_guard))
        .layer(axum::middleware::from_fn(pact::axum::request_id))
        .layer(cors(&config.cors_origins))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(request_span)
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
}

async fn route_not_found() -> HttpError {
    HttpError::RouteNotFound
}

/// The span of one request: method, path (never the query or headers, which may carry
/// secrets) and the request id.
fn request_span(request: &Request<Body>) -> tracing::Span {
    let request_id = request
        .headers()
        .get(pact::request_id::HEADER)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!(
        "request",
        method = %request.method(),
        path = request.uri().path(),
        request_id,
    )
}

fn cors(origins: &[String]) -> CorsLayer {
    let origins: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|origin| origin.parse().ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST, Method::PATCH, Method::DELETE])
        .allow_headers([
            CONTENT_TYPE,
            axum::http::header::AUTHORIZATION,
            axum::http::header::IF_MATCH,
        ])
        .expose_headers([axum::http::header::ETAG, axum::http::header::LOCATION])
        .max_age(Duration::from_secs(600))
}

/// Any error response a layer or the router produced without a problem body (tower-http's
/// 408 and 413, axum's 405, a 404 of the docs' assets) becomes the matching problem.
async fn problem_guard(response: Response) -> Response {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let is_problem = response
        .headers()
        .get(CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"application/problem+json"));
    if is_problem {
        return response;
    }
    let error = match status {
        StatusCode::NOT_FOUND => HttpError::RouteNotFound,
        StatusCode::METHOD_NOT_ALLOWED => HttpError::MethodNotAllowed,
        StatusCode::REQUEST_TIMEOUT => HttpError::Timeout,
        StatusCode::PAYLOAD_TOO_LARGE => HttpError::PayloadTooLarge,
        StatusCode::TOO_MANY_REQUESTS => HttpError::TooManyRequests { retry_after: 1 },
        status if status.is_client_error() => HttpError::BadRequest,
        _ => HttpError::Internal,
    };
    let mut problem = error.into_response();
    if let Some(allow) = response.headers().get(ALLOW) {
        problem.headers_mut().insert(ALLOW, allow.clone());
    }
    problem
}

/// Clients are told apart by their peer address; a request without one (in-process tests)
/// shares one bucket.
#[derive(Debug, Clone, Copy)]
struct PeerIp;

impl KeyExtractor for PeerIp {
    type Key = IpAddr;

    fn extract<T>(&self, request: &Request<T>) -> Result<IpAddr, GovernorError> {
        Ok(request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |info| info.0.ip()))
    }
}

fn rate_limit(
    limit: RateLimit,
) -> tower_governor::GovernorLayer<
    PeerIp,
    governor::middleware::NoOpMiddleware<governor::clock::QuantaInstant>,
    Body,
> {
    let millis = u64::try_from(limit.interval.as_millis())
        .unwrap_or(u64::MAX)
        .max(1);
    let config: Arc<GovernorConfig<PeerIp, _>> = Arc::new(
        GovernorConfigBuilder::default()
            .key_extractor(PeerIp)
            .per_millisecond(millis)
            .burst_size(limit.burst.max(1))
            .finish()
            .unwrap_or_else(|| unreachable!("the period and the burst are at least 1")),
    );
    forget_idle_clients(Arc::downgrade(&config));
    tower_governor::GovernorLayer::new(config).error_handler(|error| match error {
        GovernorError::TooManyRequests { wait_time, .. } => HttpError::TooManyRequests {
            retry_after: wait_time.saturating_add(1),
        }
        .into_response(),
        GovernorError::UnableToExtractKey | GovernorError::Other { .. } => {
            HttpError::Internal.into_response()
        }
    })
}

/// Drops the buckets of clients that have been quiet for a while, until the limiter is gone.
fn forget_idle_clients(
    config: Weak<
        GovernorConfig<
            PeerIp,
            governor::middleware::NoOpMiddleware<governor::clock::QuantaInstant>,
        >,
    >,
) {
    if tokio::runtime::Handle::try_current().is_err() {
        return;
    }
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        loop {
            tick.tick().await;
            let Some(config) = config.upgrade() else {
                break;
            };
            config.limiter().retain_recent();
        }
    });
}
