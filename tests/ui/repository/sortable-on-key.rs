use pact::Repository;

#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(unique, sortable)]
    pub email: String,
    #[repo(indexed, sortable)]
    pub team: i64,
}

fn main() {}
