use pact::Repository;

#[derive(Repository)]
#[repo(table = "customer_subscription_billing_history_entries_archived_before_2020")]
pub struct BillingEntry {
    #[repo(id, generated)]
    pub id: i64,
    pub amount_cents: i64,
}

fn main() {}
