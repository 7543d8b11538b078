pub struct User {
    pub name: String,
}

#[derive(pact::Dto)]
#[dto(from = User)]
pub struct UserResponse {
    #[dto(renam = name)]
    pub display: String,
}

fn main() {}
