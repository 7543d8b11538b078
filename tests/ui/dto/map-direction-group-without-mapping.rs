pub struct User {
    pub age: u8,
}

fn to_text(age: u8) -> String {
    age.to_string()
}

#[derive(pact::Dto)]
#[dto(from = User)]
pub struct UserResponse {
    #[dto(into(with = to_text))]
    pub age: u8,
}

fn main() {}
