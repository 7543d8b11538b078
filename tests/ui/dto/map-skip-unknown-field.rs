pub struct User {
    pub id: u64,
    pub password_hash: String,
}

#[derive(pact::Dto)]
#[dto(from = User, skip(pasword_hash))]
pub struct UserResponse {
    pub id: u64,
}

fn main() {}
