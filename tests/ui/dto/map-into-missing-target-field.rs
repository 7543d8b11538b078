pub struct NewUser {
    pub email: String,
    pub created_at: u64,
}

#[derive(pact::Dto)]
#[dto(into = NewUser)]
pub struct Signup {
    pub email: String,
}

fn main() {}
