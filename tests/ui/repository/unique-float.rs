use pact::Repository;

#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "readings")]
pub struct Reading {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(unique)]
    pub value: f32,
}

fn main() {}
