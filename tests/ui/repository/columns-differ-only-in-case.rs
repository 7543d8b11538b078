use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(column = "Email")]
    pub primary_email: String,
    pub email: String,
}

fn main() {}
