#[derive(pact::Dto)]
pub struct Query {
    #[validate(one_of("asc", "desc", "asc"))]
    pub order: String,
}

fn main() {}
