use pact::Repository;

/// A struct named like pact's memory repository names its trait; an indexed field named `page`
/// keeps its name, and the page request of its finder takes another.
#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "memory_modules", trait_name = MemoryStore)]
pub struct Memory {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(indexed)]
    pub page: u32,
    #[repo(unique)]
    pub row: String,
}
