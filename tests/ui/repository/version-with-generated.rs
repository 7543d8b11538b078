use pact::Repository;

#[derive(Clone, Repository)]
#[repo(table = "documents")]
pub struct Document {
    #[repo(id)]
    pub id: i64,
    #[repo(version, generated)]
    pub revision: i64,
}

fn main() {}
