use pact::Repository;

#[derive(Debug, PartialEq, Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    pub name: String,
}

fn main() {}
