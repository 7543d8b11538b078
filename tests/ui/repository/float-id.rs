use pact::Repository;

#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "readings")]
pub struct Reading {
    #[repo(id)]
    pub id: f64,
}

fn main() {}
