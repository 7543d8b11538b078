use pact::Repository;

#[derive(Repository)]
#[repo(table = "cafes")]
pub struct Cafe {
    #[repo(id, generated)]
    pub id: i64,
    pub café: String,
}

fn main() {}
