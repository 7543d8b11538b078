pub struct Clock;
pub struct Booking {
    pub at: u64,
}

#[derive(pact::Dto)]
#[dto(try_into = Booking)]
#[validate(context = Clock)]
pub struct BookingRequest {
    pub at: u64,
}

fn main() {}
