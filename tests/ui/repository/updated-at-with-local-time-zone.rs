use pact::Repository;

#[derive(Clone, Repository)]
#[repo(table = "notes")]
pub struct Note {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(updated_at)]
    pub updated_at: chrono::DateTime<chrono::Local>,
}

fn main() {}
