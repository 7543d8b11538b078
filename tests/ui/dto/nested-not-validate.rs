#[derive(pact::Dto)]
pub struct Signup {
    #[validate(nested)]
    pub address: Address,
}

pub struct Address {
    pub street: String,
}

fn main() {}
