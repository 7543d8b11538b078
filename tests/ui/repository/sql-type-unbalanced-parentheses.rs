use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(sql_type = "VARCHAR(64")]
    pub name: String,
    #[repo(sql_type = "VARCHAR64)")]
    pub nick: String,
    #[repo(sql_type = "NUMERIC((10, 2))")]
    pub score: String,
}

fn main() {}
