use pact::Repository;

#[derive(Clone, Repository)]
#[repo(table = "notes")]
pub struct Note {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(created_at, updated_at)]
    pub stamped_at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
