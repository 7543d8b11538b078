use pact::Repository;

#[derive(Repository)]
#[repo(tabel = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    pub email: String,
}

fn main() {}
