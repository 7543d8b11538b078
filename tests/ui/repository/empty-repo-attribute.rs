use pact::Repository;

#[derive(Repository)]
#[repo()]
#[repo(table = "users")]
pub struct User {
    #[repo()]
    #[repo(id, generated)]
    pub id: i64,
}

fn main() {}
