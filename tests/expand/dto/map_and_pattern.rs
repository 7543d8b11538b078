// A map keyed by `String` (walked by `validation::keyed`), a map keyed otherwise, and a
// fixed-width pattern (one array pattern over the bytes).
#[derive(pact::Dto)]
pub struct Cart {
    #[validate(keys(length(max = 32)), each(length(max = 100)))]
    pub attributes: std::collections::HashMap<String, String>,
    #[validate(each(range(max = 9)))]
    pub counts: std::collections::BTreeMap<u32, u32>,
    #[validate(pattern("^ORD-[0-9]{4}$"))]
    pub reference: String,
}
