use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(skip, sql_type = "JSONB")]
    pub preferences: Vec<String>,
}

fn main() {}
