use pact::Repository;

#[derive(Repository)]
#[repo(table = "memberships")]
pub struct Membership {
    #[repo(id)]
    pub user_id: i64,
    #[repo(id)]
    pub team_id: i64,
    pub role: String,
}

fn main() {}
