use pact::Repository;

#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub key: i64,
    #[repo(unique)]
    pub id: String,
}

fn main() {}
