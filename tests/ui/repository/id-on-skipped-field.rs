use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, skip)]
    pub id: i64,
    pub email: String,
}

fn main() {}
