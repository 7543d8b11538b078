use std::sync::Arc;

use pact::Repository;

#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(uniq)]
    pub email: String,
}

pub struct SignupService {
    pub users: Arc<dyn UserRepository>,
}

fn main() {}
