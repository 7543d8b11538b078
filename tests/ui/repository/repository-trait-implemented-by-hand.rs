use pact::Repository;

#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "tags")]
pub struct Tag {
    #[repo(id, generated)]
    pub id: i64,
    pub name: String,
}

/// A fake written against the generated trait: it must implement `Backend<Tag>` instead.
pub struct FakeTags;

impl TagRepository for FakeTags {}

fn main() {}
