use pact::Repository;

#[derive(Clone, Repository)]
#[repo(table = "codes")]
pub struct Code {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(unique)]
    pub id_with_deleted: String,
    #[repo(soft_delete)]
    pub deleted_at: Option<chrono::DateTime<chrono::Utc>>,
}

fn main() {}
