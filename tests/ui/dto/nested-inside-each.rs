#[derive(pact::Dto)]
pub struct Inner {
    #[validate(range(max = 9))]
    pub level: u8,
}

#[derive(pact::Dto)]
pub struct Outer {
    #[validate(each(nested))]
    pub items: Vec<Inner>,
    #[validate(keys(nested))]
    pub by_name: std::collections::BTreeMap<String, Inner>,
}

fn main() {}
