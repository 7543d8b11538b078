use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(indexed)]
    pub manager_id: Option<i64>,
}

fn main() {}
