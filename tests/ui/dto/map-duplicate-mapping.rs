pub struct User {
    pub id: u64,
}

#[derive(pact::Dto)]
#[dto(from = User)]
#[dto(from = User)]
pub struct UserResponse {
    pub id: u64,
}

fn main() {}
