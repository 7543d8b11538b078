use pact::Repository;

#[derive(Clone, Repository)]
#[repo(table = "documents")]
pub struct Document {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(version)]
    pub revision: Option<i64>,
}

fn main() {}
