pub struct User {
    pub id: u64,
}

#[derive(pact::Dto)]
#[dto(from = User)]
pub struct UserResponse {
    pub id: u64,
    #[dto(skip, rename = name)]
    pub name: String,
}

fn main() {}
