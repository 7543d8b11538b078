use pact::Repository;

#[derive(Clone, Repository)]
#[repo(table = "notes")]
pub struct Note {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(created_at, unique)]
    pub created_at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
