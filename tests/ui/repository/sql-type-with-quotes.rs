use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(sql_type = "TEXT COLLATE \"C\"")]
    pub name: String,
    #[repo(sql_type = "ENUM('a', 'b')")]
    pub kind: String,
}

fn main() {}
