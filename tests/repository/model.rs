//! The entities the suite stores (serde too, so `tests/cache` runs the suite cached).

use pact::Repository;

#[derive(Debug, Clone, PartialEq, Repository, serde::Serialize, serde::Deserialize)]
#[repo(table = "users", max_page_size = 50)]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(unique)]
    pub email: String,
    #[repo(indexed)]
    pub team_id: i32,
    #[repo(sortable)]
    pub name: String,
    #[repo(column = "biography")]
    pub bio: Option<String>,
    #[repo(sortable)]
    pub score: f64,
    pub active: bool,
    pub avatar: Option<Vec<u8>>,
    /// Not stored: every read gives `None`.
    #[repo(skip)]
    pub session: Option<String>,
}

impl User {
    pub fn new(email: &str, name: &str, team_id: i32) -> Self {
        Self {
            id: 0,
            email: email.to_owned(),
            team_id,
            name: name.to_owned(),
            bio: None,
            score: 0.0,
            active: true,
            avatar: None,
            session: None,
        }
    }
}

/// A String id chosen by the application, a column named by a reserved word, and a field
/// that is not stored with a default of its own.
#[derive(Debug, Clone, PartialEq, Repository, serde::Serialize, serde::Deserialize)]
#[repo(table = "tags")]
pub struct Tag {
    #[repo(id)]
    pub slug: String,
    #[repo(column = "order", sortable)]
    pub position: i32,
    #[repo(skip, default = 7)]
    pub weight: u8,
}

#[derive(Debug, Clone, PartialEq, Repository, serde::Serialize, serde::Deserialize)]
#[repo(table = "sessions")]
pub struct Session {
    #[repo(id)]
    pub id: uuid::Uuid,
    #[repo(indexed)]
    pub user_id: i64,
    #[repo(sortable)]
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub expires_at: Option<chrono::NaiveDateTime>,
}

/// Names as long as the backends allow (63 bytes): the generated constraint and index names
/// (`<table>_<column>_key`) would pass 64 bytes, so the derive shortens them with a hash
/// suffix; the two unique columns differ only in their last character. The id is chosen by
/// the application, so it can conflict too (PostgreSQL's `<table>_pkey` passes 63 bytes).
#[derive(Debug, Clone, PartialEq, Repository, serde::Serialize, serde::Deserialize)]
#[repo(table = "warehouse_inventory_reservations_by_fulfilment_centre_and_slot")]
pub struct Reservation {
    #[repo(id)]
    pub id: i64,
    #[repo(
        unique,
        column = "external_reference_assigned_by_the_upstream_planning_system_a"
    )]
    pub upstream_ref: String,
    #[repo(
        unique,
        column = "external_reference_assigned_by_the_upstream_planning_system_b"
    )]
    pub partner_ref: String,
    #[repo(
        indexed,
        column = "fulfilment_centre_identifier_for_the_reservation_slot_owner"
    )]
    pub centre: i32,
}

/// Optimistic locking: `revision` is checked and incremented by every `update` (an `i32`, so
/// the version passes through a conversion).
#[derive(Debug, Clone, PartialEq, Repository, serde::Serialize, serde::Deserialize)]
#[repo(table = "documents")]
pub struct Document {
    #[repo(id, generated)]
    pub id: i64,
    pub title: String,
    pub body: String,
    #[repo(version)]
    pub revision: i32,
}
