#[derive(pact::Dto)]
pub struct Query {
    #[validate(one_of(10u8, 20u8))]
    pub page_size: u8,
}

fn main() {}
