#[derive(pact::Dto)]
pub enum Payment {
    #[validate(email)]
    Card { number: String },
}

fn main() {}
