use pact::Repository;

#[derive(Clone, Repository)]
#[repo(table = "feeds")]
pub struct Feed {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(indexed)]
    pub cursor: String,
}

fn main() {}
