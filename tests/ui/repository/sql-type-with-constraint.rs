use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(sql_type = "TEXT NOT NULL")]
    pub name: String,
    #[repo(sql_type = "INTEGER REFERENCES teams")]
    pub team: i64,
    #[repo(sql_type = "INTEGER DEFAULT 0")]
    pub score: i64,
    #[repo(sql_type = "BIGSERIAL")]
    pub sequence: i64,
}

fn main() {}
