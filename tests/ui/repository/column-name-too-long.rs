use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(column = "the_name_of_this_column_is_much_longer_than_what_postgres_keeps_x")]
    pub name: String,
    pub the_name_of_this_field_is_also_much_longer_than_what_postgres_keeps: String,
}

fn main() {}
