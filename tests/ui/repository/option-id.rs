use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: Option<i64>,
    pub email: String,
}

fn main() {}
