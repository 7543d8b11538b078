use pact::{MemoryRepository, Repository};

#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "tags")]
pub struct Tag {
    #[repo(id, generated)]
    pub id: i64,
    pub name: String,
}

async fn restore(tags: &dyn TagRepository) -> bool {
    // `restore_by_id` needs a `#[repo(soft_delete)]` field.
    tags.restore_by_id(1).await.unwrap()
}

fn main() {
    let _ = restore(&MemoryRepository::<Tag>::new());
}
