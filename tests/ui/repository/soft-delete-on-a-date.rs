use pact::Repository;

#[derive(Clone, Repository)]
#[repo(table = "notes")]
pub struct Note {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(soft_delete)]
    pub deleted_on: Option<chrono::NaiveDate>,
}

fn main() {}
