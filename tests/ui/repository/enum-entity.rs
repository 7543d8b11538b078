use pact::Repository;

#[derive(Repository)]
#[repo(table = "accounts")]
pub enum Account {
    Personal { id: i64, email: String },
    Business { id: i64, vat_number: String },
}

fn main() {}
