#[allow(unused_imports)]
use pact::MemoryRepository;
use pact::Repository;

#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "memories")]
pub struct Memory {
    #[repo(id, generated)]
    pub id: i64,
}

fn main() {}
