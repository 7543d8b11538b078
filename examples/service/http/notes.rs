//! The notes resource: `/users/{id}/notes` and `/notes/{id}`.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::http::header::{ETAG, LOCATION};
use axum::response::{IntoResponse, Response};
use pact::axum::Valid;
use pact::openapi::PageParams;

use super::AppState;
use super::extract::{Auth, Id, IfMatch, etag};
use crate::service::domain::Note;
use crate::service::dto::{NotePage, NotePatch, NoteRequest, NoteView, Paging};
use crate::service::errors::ServiceError;

/// One page of a user's notes (the owner or an admin).
#[utoipa::path(
    get,
    path = "/users/{id}/notes",
    tag = "notes",
    params(("id" = i64, Path, description = "The owner's id"), PageParams<Note>),
    security(("bearer" = [])),
    responses((status = 200, description = "One page of notes", body = NotePage), ServiceError)
)]
pub async fn list(
    State(state): State<AppState>,
    Auth(actor): Auth,
    Id(owner_id): Id,
    Valid(Query(Paging(page))): Valid<Query<Paging>>,
) -> Result<Json<NotePage>, ServiceError> {
    let page = state.notes.list(actor, owner_id, page).await?;
    Ok(Json(page.map(NoteView::from)))
}

/// Writes a note for a user (the owner or an admin).
#[utoipa::path(
    post,
    path = "/users/{id}/notes",
    tag = "notes",
    params(("id" = i64, Path, description = "The owner's id")),
    request_body = NoteRequest,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created", body = NoteView,
            headers(("ETag" = String, description = "The version"), ("Location" = String, description = "The new note"))),
        ServiceError,
    )
)]
pub async fn create(
    State(state): State<AppState>,
    Auth(actor): Auth,
    Id(owner_id): Id,
    Valid(Json(request)): Valid<Json<NoteRequest>>,
) -> Result<Response, ServiceError> {
    let note = state.notes.create(actor, owner_id, request).await?;
    let location = format!("/notes/{}", note.id);
    Ok((
        StatusCode::CREATED,
        [(ETAG, etag(note.version)), (LOCATION, location)],
        Json(NoteView::from(note)),
    )
        .into_response())
}

/// One note (the owner or an admin).
#[utoipa::path(
    get,
    path = "/notes/{id}",
    tag = "notes",
    params(("id" = i64, Path, description = "The note's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The note", body = NoteView, headers(("ETag" = String, description = "The version"))),
        ServiceError,
    )
)]
pub async fn show(
    State(state): State<AppState>,
    Auth(actor): Auth,
    Id(id): Id,
) -> Result<Response, ServiceError> {
    let note = state.notes.get(actor, id).await?;
    Ok(with_etag(note))
}

/// Changes a note: `If-Match` must carry the `ETag` of the version the change was made on.
#[utoipa::path(
    patch,
    path = "/notes/{id}",
    tag = "notes",
    params(
        ("id" = i64, Path, description = "The note's id"),
        ("If-Match" = String, Header, description = "The ETag the change was made on"),
    ),
    request_body = NotePatch,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The changed note", body = NoteView, headers(("ETag" = String, description = "The new version"))),
        ServiceError,
    )
)]
pub async fn update(
    State(state): State<AppState>,
    Auth(actor): Auth,
    Id(id): Id,
    IfMatch(expected): IfMatch,
    Valid(Json(patch)): Valid<Json<NotePatch>>,
) -> Result<Response, ServiceError> {
    let note = state.notes.update(actor, id, expected, patch).await?;
    Ok(with_etag(note))
}

/// Deletes a note.
#[utoipa::path(
    delete,
    path = "/notes/{id}",
    tag = "notes",
    params(
        ("id" = i64, Path, description = "The note's id"),
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
    state.notes.delete(actor, id, expected).await?;
    Ok(StatusCode::NO_CONTENT)
}

fn with_etag(note: Note) -> Response {
    ([(ETAG, etag(note.version))], Json(NoteView::from(note))).into_response()
}
