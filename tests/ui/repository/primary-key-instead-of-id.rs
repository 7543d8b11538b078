use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(primary_key)]
    pub id: i64,
    pub email: String,
}

fn main() {}
