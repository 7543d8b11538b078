use pact::Repository;

#[derive(Repository)]
#[repo(table = "users"x, max_page_size = 100u8)]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(column = "nick"s, sql_type = "TEXT"t)]
    pub name: String,
}

fn main() {}
