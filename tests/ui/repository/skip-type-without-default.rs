use pact::Repository;

#[derive(Debug, Clone, PartialEq)]
pub struct Preview(pub String);

#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(skip)]
    pub preview: Preview,
}

fn main() {}
