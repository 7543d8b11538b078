use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(skip, column = "cached_avatar")]
    pub avatar: Vec<u8>,
}

fn main() {}
