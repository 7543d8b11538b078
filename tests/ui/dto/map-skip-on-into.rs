pub struct NewUser {
    pub email: String,
}

#[derive(pact::Dto)]
#[dto(into = NewUser, skip(email_again))]
pub struct Signup {
    pub email: String,
}

fn main() {}
