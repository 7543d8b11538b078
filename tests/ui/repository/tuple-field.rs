use pact::Repository;

#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "cells")]
pub struct Cell {
    #[repo(id)]
    pub id: (i64, i64),
    pub nothing: (),
}

fn main() {}
