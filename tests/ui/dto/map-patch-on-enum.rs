pub enum Payment {
    Cash,
}

#[derive(pact::Dto)]
#[dto(patch = Payment)]
pub enum PaymentPatch {
    Cash,
}

fn main() {}
