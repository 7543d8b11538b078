use pact::Repository;

/// A note with every timestamp key: `created_at` and `updated_at` set by the repository,
/// `deleted_at` marking soft-deleted rows.
#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "notes")]
pub struct Note {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(unique)]
    pub slug: String,
    #[repo(created_at, sortable)]
    pub created_at: chrono::DateTime<chrono::Utc>,
    #[repo(updated_at)]
    pub updated_at: chrono::NaiveDateTime,
    #[repo(soft_delete)]
    pub deleted_at: Option<chrono::DateTime<chrono::Utc>>,
}
