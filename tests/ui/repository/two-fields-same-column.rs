use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    pub email: String,
    #[repo(column = "email")]
    pub contact_email: String,
}

fn main() {}
