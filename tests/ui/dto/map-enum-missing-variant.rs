pub enum Payment {
    Card(String),
    Iban(String),
    Cash,
}

#[derive(pact::Dto)]
#[dto(from = Payment)]
pub enum PaymentDto {
    Card(String),
    Cash,
}

fn main() {}
