use pact::Repository;

#[derive(Repository)]
pub struct BlogPost {
    #[repo(id, generated)]
    pub id: i64,
    pub title: String,
}

fn main() {}
