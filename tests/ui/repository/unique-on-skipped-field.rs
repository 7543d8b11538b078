use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(skip, unique)]
    pub session_token: String,
}

fn main() {}
