pub struct User {
    pub id: u64,
    pub email: String,
}

#[derive(pact::Dto)]
#[dto(from = User)]
pub struct UserResponse {
    pub id: u64,
    #[dto(target = Usr, rename = email)]
    pub mail: String,
}

fn main() {}
