use pact::Repository;

type Maybe<T> = Option<T>;

#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    pub nick: Maybe<String>,
}

fn main() {}
