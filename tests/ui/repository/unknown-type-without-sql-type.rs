use pact::Repository;

#[derive(Clone, Debug, PartialEq)]
pub struct Address {
    pub street: String,
    pub city: String,
}

#[derive(Repository)]
#[repo(table = "customers")]
pub struct Customer {
    #[repo(id, generated)]
    pub id: i64,
    pub address: Address,
}

fn main() {}
