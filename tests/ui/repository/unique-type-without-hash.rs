use pact::Repository;

#[derive(Debug, Clone, PartialEq, PartialOrd)]
pub struct Email(pub String);

#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(unique, sql_type = "TEXT")]
    pub email: Email,
}

fn main() {}
