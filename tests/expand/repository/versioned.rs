use pact::Repository;

/// A document edited concurrently: `update` checks and increments `revision`.
#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "documents")]
pub struct Document {
    #[repo(id, generated)]
    pub id: i64,
    pub title: String,
    #[repo(version)]
    pub revision: i32,
}
