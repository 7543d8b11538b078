use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id)]
    pub id: i64,
    #[repo(generated)]
    pub seq: i64,
    pub email: String,
}

fn main() {}
