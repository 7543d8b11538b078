use pact::Repository;

#[derive(Debug, Clone)]
pub struct Team(pub i64);

#[derive(Debug, Clone, Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(indexed, sql_type = "BIGINT")]
    pub team: Team,
}

fn main() {}
