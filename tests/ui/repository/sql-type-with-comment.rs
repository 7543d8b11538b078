use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(sql_type = "TEXT -- the name")]
    pub name: String,
    #[repo(sql_type = "TEXT /* the nick */")]
    pub nick: String,
}

fn main() {}
