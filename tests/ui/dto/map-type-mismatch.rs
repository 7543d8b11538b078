pub struct User {
    pub id: u64,
    pub email: String,
}

#[derive(pact::Dto)]
#[dto(from = User)]
pub struct UserResponse {
    pub id: String,
    pub email: String,
}

fn main() {}
