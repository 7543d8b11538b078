use pact::Repository;

#[derive(Debug, Clone, PartialEq)]
pub struct UserId(pub i64);

#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, sql_type = "BIGINT")]
    pub id: UserId,
}

fn main() {}
