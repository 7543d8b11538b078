use pact::Repository;

#[derive(Clone, Repository)]
#[repo(table = "notes")]
pub struct Note {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(soft_delete)]
    pub deleted_at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
