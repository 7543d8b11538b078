pub struct User {
    pub id: u64,
    pub email: String,
}

#[derive(pact::Dto)]
#[dto(from = User, skip(email), by_vaule)]
pub struct UserResponse {
    pub id: u64,
}

fn main() {
    let user = User { id: 1, email: String::new() };
    let _ = UserResponse::from(&user);
    let _ = UserResponse::from(user);
}
