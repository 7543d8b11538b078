use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(sql_type = "")]
    pub name: String,
    #[repo(sql_type = " JSONB")]
    pub data: String,
}

fn main() {}
