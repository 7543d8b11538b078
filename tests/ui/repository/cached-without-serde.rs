// An entity without serde has no cached repository: using one is one error, on the entity,
// saying to derive serde (the impls that exist for serde entities stay quiet).
use std::sync::Arc;

use pact::repository::cache::{Cache, LocalStore};

#[derive(Debug, Clone, pact::Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(unique)]
    pub email: String,
}

fn main() {
    let inner: Arc<dyn UserRepository> = Arc::new(pact::MemoryRepository::<User>::new());
    let _users = Cache::new(LocalStore::new(1 << 20)).wrap::<User>(inner);
}
