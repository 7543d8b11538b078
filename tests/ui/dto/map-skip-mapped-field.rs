pub struct User {
    pub id: u64,
    pub email: String,
}

#[derive(pact::Dto)]
#[dto(from = User, skip(email))]
pub struct UserResponse {
    pub id: u64,
    pub email: String,
}

fn main() {}
