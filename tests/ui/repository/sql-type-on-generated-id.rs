use pact::Repository;

#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated, sql_type = "SMALLINT")]
    pub id: i64,
}

fn main() {}
