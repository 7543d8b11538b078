use pact::Repository;

#[derive(Repository)]
#[repo(table = "user accounts")]
pub struct User {
    #[repo(id, generated)]
    pub id: String,
    #[repo(unique, indexed)]
    pub email: String,
    #[repo(skip)]
    pub cache: Vec<u8>,
    #[repo(default = 1)]
    pub version: i32,
}

fn main() {}
