use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(skip, sortable)]
    pub display_name: String,
}

fn main() {}
