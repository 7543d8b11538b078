use pact::repository::RepoFuture;
use pact::{RepoError, Repository};

#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "tags")]
pub struct Tag {
    #[repo(id, generated)]
    pub id: i64,
    pub name: String,
}

/// A fake written against the generated trait, as before `Backend`: it must implement
/// `Backend<Tag>` instead.
pub struct FakeTags;

impl TagRepository for FakeTags {
    fn find_by_id<'a>(&'a self, _id: i64) -> RepoFuture<'a, Result<Option<Tag>, RepoError>> {
        RepoFuture::ready(Ok(None))
    }
}

fn main() {}
