use pact::Repository;

#[derive(Clone, Repository)]
#[repo(table = "documents")]
pub struct Document {
    #[repo(id, version)]
    pub id: i64,
    pub title: String,
}

fn main() {}
