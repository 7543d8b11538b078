use pact::Repository;

/// Stands in for `uuid::Uuid`, which needs the `uuid` feature.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Uuid(pub u128);

#[derive(Repository)]
#[repo(table = "orders")]
pub struct Order {
    #[repo(id, generated)]
    pub id: Uuid,
    pub total_cents: i64,
}

fn main() {}
