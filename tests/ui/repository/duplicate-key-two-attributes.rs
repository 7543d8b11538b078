use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
#[repo(table = "accounts")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    pub email: String,
}

fn main() {}
