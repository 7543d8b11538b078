use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: String,
    pub email: String,
}

fn main() {}
