use pact::Repository;

#[derive(Repository)]
#[repo(table = "events")]
pub struct Event<P> {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(sql_type = "JSONB")]
    pub payload: P,
}

fn main() {}
