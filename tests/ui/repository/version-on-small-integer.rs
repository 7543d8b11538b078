use pact::Repository;

#[derive(Clone, Repository)]
#[repo(table = "documents")]
pub struct Document {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(version)]
    pub revision: u8,
}

fn main() {}
