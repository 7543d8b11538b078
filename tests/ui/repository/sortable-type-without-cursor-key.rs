use pact::Repository;

/// Named like chrono's `NaiveDate`, so the derive takes it for a date column, but it is the
/// application's own type: it cannot be written into a keyset cursor.
#[derive(Clone, PartialEq, PartialOrd)]
pub struct NaiveDate(pub i32);

#[derive(Clone, Repository)]
#[repo(table = "events")]
pub struct Event {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(sortable)]
    pub day: NaiveDate,
}

fn main() {}
