pub struct User {
    pub name: String,
    pub age: u8,
}

#[derive(pact::Dto)]
#[dto(patch = User)]
pub struct UpdateUser {
    pub name: Option<String>,
    pub age: u8,
}

fn main() {}
