pub struct NewUser {
    pub email: String,
    pub age: u8,
}

#[derive(pact::Dto)]
#[dto(into = NewUser)]
pub struct Signup {
    pub email: String,
    pub age: String,
}

fn main() {}
