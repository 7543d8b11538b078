#[derive(pact::Dto)]
#[dto(skip(password_hash))]
pub struct UserResponse {
    pub id: u64,
}

fn main() {}
