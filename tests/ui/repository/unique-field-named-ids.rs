use pact::Repository;

#[derive(Clone, Repository)]
#[repo(table = "batches")]
pub struct Batch {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(unique)]
    pub ids: String,
}

fn main() {}
