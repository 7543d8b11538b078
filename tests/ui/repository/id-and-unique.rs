use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, unique)]
    pub username: String,
    pub email: String,
}

fn main() {}
