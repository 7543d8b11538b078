//! The API's request and response bodies. `#[derive(Dto)]` writes their validation (run by the
//! `Valid<Json<_>>` extractor before a handler sees a body), their mappings to and from the
//! domain, and, with the `openapi` feature, their JSON Schemas in `/openapi.json`.

use pact::{CursorPage, CursorRequest, Page, PageRequest};
use serde::{Deserialize, Serialize};

use super::domain::{Note, User};

/// A sign-up: the email is trimmed and lower-cased before it is checked.
#[derive(Debug, Deserialize, pact::Dto)]
#[serde(deny_unknown_fields)]
pub struct SignupRequest {
    /// The address to sign in with.
    #[dto(trim, lowercase)]
    #[validate(email, length(max = 254))]
    pub email: String,
    /// The name shown to others.
    #[dto(trim)]
    #[validate(length(min = 1, max = 80))]
    pub name: String,
    /// Between 8 and 128 characters; stored only as an argon2 hash.
    #[validate(length(min = 8, max = 128))]
    pub password: String,
}

/// Credentials for `POST /auth/token`.
#[derive(Debug, Deserialize, pact::Dto)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    #[dto(trim, lowercase)]
    #[validate(length(min = 1, max = 254))]
    pub email: String,
    #[validate(length(min = 1, max = 128))]
    pub password: String,
}

/// A signed bearer token.
#[derive(Debug, Serialize, pact::Dto)]
pub struct TokenResponse {
    /// Send it as `Authorization: Bearer <token>`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until it expires.
    pub expires_in: u64,
}

/// What clients see of a user. `#[dto(from = User, skip(password_hash))]` maps every other
/// field of `User` by name: the hash is left out on purpose, and a new field of `User` that
/// is neither mapped nor skipped does not compile.
#[derive(Debug, Serialize, Deserialize, PartialEq, pact::Dto)]
#[dto(from = User, skip(password_hash))]
pub struct UserView {
    pub id: i64,
    pub email: String,
    pub name: String,
    /// `member` or `admin`.
    pub role: String,
    /// The version, also sent as the `ETag`.
    pub version: i64,
}

/// Changes to a user (`PATCH /users/{id}`, with `If-Match`). Absent members stay as they are.
#[derive(Debug, Deserialize, pact::Dto)]
#[serde(deny_unknown_fields)]
#[dto(patch = User)]
pub struct UserPatch {
    #[dto(trim, lowercase)]
    #[validate(email, length(max = 254))]
    pub email: Option<String>,
    #[dto(trim)]
    #[validate(length(min = 1, max = 80))]
    pub name: Option<String>,
    /// A new password; hashed by the service, never written as it is.
    #[dto(skip)]
    #[validate(length(min = 8, max = 128))]
    pub password: Option<String>,
}

/// A new note.
#[derive(Debug, Deserialize, pact::Dto)]
#[serde(deny_unknown_fields)]
#[dto(into = Note, default(id, owner_id, version))]
pub struct NoteRequest {
    #[dto(trim)]
    #[validate(length(min = 1, max = 200))]
    pub title: String,
    #[validate(length(max = 10000))]
    #[serde(default)]
    pub body: String,
}

/// Changes to a note (`PATCH /notes/{id}`, with `If-Match`).
#[derive(Debug, Deserialize, pact::Dto)]
#[serde(deny_unknown_fields)]
#[dto(patch = Note)]
pub struct NotePatch {
    #[dto(trim)]
    #[validate(length(min = 1, max = 200))]
    pub title: Option<String>,
    #[validate(length(max = 10000))]
    pub body: Option<String>,
}

/// A note as clients see it.
#[derive(Debug, Serialize, Deserialize, PartialEq, pact::Dto)]
#[dto(from = Note)]
pub struct NoteView {
    pub id: i64,
    pub owner_id: i64,
    pub title: String,
    pub body: String,
    pub version: i64,
}

/// The query of a listing (`?offset=&limit=&sort=`), read by `Valid<Query<Paging>>` so that a
/// malformed one is a 400 problem.
#[derive(Debug, Default, Deserialize, pact::Dto)]
#[serde(transparent)]
pub struct Paging(pub PageRequest);

/// The query of a keyset listing (`?after=&limit=&sort=`), read by `Valid<Query<Scrolling>>`
/// so that a malformed one is a 400 problem; a forged `after` is the repository's 400.
#[derive(Debug, Default, Deserialize, pact::Dto)]
#[serde(transparent)]
pub struct Scrolling(pub CursorRequest);

/// A page of users.
pub type UserPage = Page<UserView>;
/// A keyset page of users.
pub type UserScroll = CursorPage<UserView>;
/// A page of notes.
pub type NotePage = Page<NoteView>;
