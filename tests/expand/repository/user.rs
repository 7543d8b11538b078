use pact::Repository;

/// A user account: the database assigns the id.
#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "users", max_page_size = 50)]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(unique)]
    pub email: String,
    #[repo(indexed)]
    pub team_id: i32,
    #[repo(sortable)]
    pub name: String,
    pub bio: Option<String>,
    #[repo(column = "created_at_ms")]
    pub created_at: i64,
}
