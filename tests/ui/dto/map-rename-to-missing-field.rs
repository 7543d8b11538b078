pub struct User {
    pub id: u64,
    pub display_name: String,
}

#[derive(pact::Dto)]
#[dto(from = User)]
pub struct UserResponse {
    pub id: u64,
    #[dto(rename = dispaly_name)]
    pub name: String,
}

fn main() {}
