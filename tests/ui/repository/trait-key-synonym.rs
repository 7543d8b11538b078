use pact::Repository;

#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "memory_modules", trait = MemoryStore)]
pub struct Memory {
    #[repo(id, generated)]
    pub id: i64,
}

fn main() {}
