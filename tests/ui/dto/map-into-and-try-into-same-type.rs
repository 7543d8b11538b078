pub struct NewUser {
    pub email: String,
}

#[derive(pact::Dto)]
#[dto(into = NewUser, try_into = NewUser)]
pub struct Signup {
    pub email: String,
}

fn main() {}
