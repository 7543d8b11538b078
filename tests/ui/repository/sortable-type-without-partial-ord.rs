use pact::Repository;

#[derive(Debug, Clone, PartialEq)]
pub struct Tag(pub String);

#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(sortable, sql_type = "TEXT")]
    pub tag: Tag,
}

fn main() {}
