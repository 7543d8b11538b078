//! The users resource. Handlers stay thin: extract, call the service, map to a DTO.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::{ETAG, LOCATION};
use axum::response::{IntoResponse, Response};
use pact::axum::Valid;
use pact::openapi::{CursorParams, PageParams};

use super::AppState;
use super::extract::{Auth, Id, IfMatch, etag};
use crate::service::domain::User;
use crate::service::dto::{
    Paging, Scrolling, SignupRequest, UserPage, UserPatch, UserScroll, UserView,
};
use crate::service::errors::ServiceError;

/// Signs up: creates the account and its first note in one transaction.
#[utoipa::path(
    post,
    path = "/users",
    tag = "users",
    request_body = SignupRequest,
    responses(
        (status = 201, description = "Signed up", body = UserView,
            headers(("ETag" = String, description = "The version"), ("Location" = String, description = "The new user"))),
        ServiceError,
    )
)]
pub async fn signup(
    State(state): State<AppState>,
    Valid(Json(request)): Valid<Json<SignupRequest>>,
) -> Result<Response, ServiceError> {
    let user = state.users.signup(request).await?;
    let location = format!("/users/{}", user.id);
    Ok((
        StatusCode::CREATED,
        [(ETAG, etag(user.version)), (LOCATION, location)],
        Json(UserView::from(user)),
    )
        .into_response())
}

/// One offset page of users.
#[utoipa::path(
    get,
    path = "/users",
    tag = "users",
    params(PageParams<User>),
    security(("bearer" = [])),
    responses((status = 200, description = "One page of users", body = UserPage), ServiceError)
)]
pub async fn list(
    State(state): State<AppState>,
    Auth(actor): Auth,
    Valid(axum::extract::Query(Paging(page))): Valid<axum::extract::Query<Paging>>,
) -> Result<Json<UserPage>, ServiceError> {
    let page = state.users.list(actor, page).await?;
    Ok(Json(page.map(UserView::from)))
}

/// One keyset page of users: pass the page's `next` as `after` for the one that follows.
#[utoipa::path(
    get,
    path = "/users/scroll",
    tag = "users",
    params(CursorParams<User>),
    security(("bearer" = [])),
    responses((status = 200, description = "One keyset page of users", body = UserScroll), ServiceError)
)]
pub async fn scroll(
    State(state): State<AppState>,
    Auth(actor): Auth,
    Valid(axum::extract::Query(Scrolling(request))): Valid<axum::extract::Query<Scrolling>>,
) -> Result<Json<UserScroll>, ServiceError> {
    let page = state.users.scroll(actor, request).await?;
    Ok(Json(page.map(UserView::from)))
}

/// One user, with its version as the `ETag`.
#[utoipa::path(
    get,
    path = "/users/{id}",
    tag = "users",
    params(("id" = i64, Path, description = "The user's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The user", body = UserView, headers(("ETag" = String, description = "The version"))),
        ServiceError,
    )
)]
pub async fn show(
    State(state): State<AppState>,
    Auth(actor): Auth,
    Id(id): Id,
) -> Result<Response, ServiceError> {
    let user = state.users.get(actor, id).await?;
    Ok(with_etag(StatusCode::OK, user))
}

/// Changes a user: `If-Match` must carry the `ETag` of the version the change was made on.
#[utoipa::path(
    patch,
    path = "/users/{id}",
    tag = "users",
    params(
        ("id" = i64, Path, description = "The user's id"),
        ("If-Match" = String, Header, description = "The ETag the change was made on"),
    ),
    request_body = UserPatch,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The changed user", body = UserView, headers(("ETag" = String, description = "The new version"))),
        ServiceError,
    )
)]
pub async fn update(
    State(state): State<AppState>,
    Auth(actor): Auth,
    Id(id): Id,
    IfMatch(expected): IfMatch,
    Valid(Json(patch)): Valid<Json<UserPatch>>,
) -> Result<Response, ServiceError> {
    let user = state.users.update(actor, id, expected, patch).await?;
    Ok(with_etag(StatusCode::OK, user))
}

/// Deletes a user and their notes.
#[utoipa::path(
    delete,
    path = "/users/{id}",
    tag = "users",
    params(
        ("id" = i64, Path, description = "The user's id"),
        ("If-Match" = String, Header, description = "The ETag of the version to delete"),
    ),
    security(("bearer" = [])),
    responses((status = 204, description = "Deleted"), ServiceError)
)]
pub async fn remove(
    State(state): State<AppState>,
    Auth(actor): Auth,
    Id(id): Id,
    IfMatch(expected): IfMatch,
) -> Result<StatusCode, ServiceError> {
    state.users.delete(actor, id, expected).await?;
    Ok(StatusCode::NO_CONTENT)
}

fn with_etag(status: StatusCode, user: User) -> Response {
    (
        status,
        [(ETAG, etag(user.version))],
        Json(UserView::from(user)),
    )
        .into_response()
}
