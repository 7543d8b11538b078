use pact::Repository;

#[derive(Repository)]
#[repo(table = "sqlite_users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
}

fn main() {}
