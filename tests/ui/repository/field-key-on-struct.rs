use pact::Repository;

#[derive(Repository)]
#[repo(table = "users", unique)]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    pub email: String,
}

fn main() {}
