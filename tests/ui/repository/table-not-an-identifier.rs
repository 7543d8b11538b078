use pact::Repository;

#[derive(Repository)]
#[repo(table = "users; DROP TABLE x")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    pub email: String,
}

fn main() {}
