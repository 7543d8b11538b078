use pact::Repository;

#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "users", trait_name = User)]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
}

fn main() {}
