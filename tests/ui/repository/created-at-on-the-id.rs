use pact::Repository;

#[derive(Clone, Repository)]
#[repo(table = "notes")]
pub struct Note {
    #[repo(id, created_at)]
    pub created_at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
