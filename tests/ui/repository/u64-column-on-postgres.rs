//! PostgreSQL has no unsigned 64-bit integer: a `u64` column cannot be stored there. The
//! error is one, in pact's words, on the field's type.
use pact::Repository;

#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "counters")]
pub struct Counter {
    #[repo(id, generated)]
    pub id: i64,
    pub hits: u64,
}

fn main() {
    let _ = |pool: pact::sqlx::PgPool| -> std::sync::Arc<dyn CounterRepository> {
        std::sync::Arc::new(pact::PgRepository::<Counter>::new(pool))
    };
}
