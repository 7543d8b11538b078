use pact::Repository;

#[derive(Repository)]
#[repo(table = "users", max_page_size = 0)]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    pub email: String,
}

fn main() {}
