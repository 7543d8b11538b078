use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User {
    pub user_id: i64,
    pub email: String,
}

fn main() {}
