use pact::Repository;

#[derive(Clone, Repository)]
#[repo(table = "documents")]
pub struct Document {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(version, indexed)]
    pub revision: i64,
}

fn main() {}
