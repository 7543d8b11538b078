use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User(#[repo(id)] pub i64, pub String);

fn main() {}
