pub struct User {
    pub id: u64,
    pub email: String,
    pub password_hash: String,
}

#[derive(pact::Dto)]
#[dto(from = User)]
pub struct UserResponse {
    pub id: u64,
    pub email: String,
}

fn main() {}
