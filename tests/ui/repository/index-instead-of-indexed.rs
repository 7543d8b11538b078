use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(index)]
    pub team_id: i64,
}

fn main() {}
