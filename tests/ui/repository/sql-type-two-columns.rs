use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(sql_type = "TEXT, is_admin BOOLEAN")]
    pub name: String,
}

fn main() {}
