use pact::Repository;

#[derive(Repository)]
#[repo(table = users)]
#[repo(max_page_size = "100")]
#[repo(trait_name = "UserStore")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(column = email_address)]
    pub email: String,
    #[repo(sql_type = JSONB)]
    pub settings: String,
}

fn main() {}
