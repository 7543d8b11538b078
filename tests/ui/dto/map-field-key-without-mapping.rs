#[derive(pact::Dto)]
pub struct UserResponse {
    #[dto(rename = display_name)]
    pub name: String,
}

fn main() {}
