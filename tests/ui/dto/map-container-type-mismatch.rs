// One error per field, whatever the container, for `From<T>` and `From<&T>` together.
use std::collections::HashMap;

pub struct Order {
    pub note: Option<u64>,
    pub lines: Vec<u64>,
    pub boxed: Box<u64>,
    pub by_sku: HashMap<String, u64>,
}

#[derive(pact::Dto)]
#[dto(from = Order)]
pub struct OrderView {
    pub note: Option<String>,
    pub lines: Vec<String>,
    pub boxed: Box<String>,
    pub by_sku: HashMap<String, String>,
}

fn main() {}
