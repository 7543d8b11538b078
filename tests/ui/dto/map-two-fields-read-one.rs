pub struct User {
    pub name: String,
}

#[derive(pact::Dto)]
#[dto(from = User)]
pub struct UserResponse {
    pub name: String,
    #[dto(rename = name)]
    pub display: String,
}

fn main() {}
