pub struct User {
    pub id: u64,
}

#[derive(pact::Dto)]
#[dto(from = User, default(links))]
pub struct UserResponse {
    pub id: u64,
    pub links: Vec<String>,
}

fn main() {}
