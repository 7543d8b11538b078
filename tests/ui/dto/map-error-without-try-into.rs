pub struct NewUser {
    pub email: String,
}

pub struct MyError;

#[derive(pact::Dto)]
#[dto(into = NewUser, error = MyError)]
pub struct Signup {
    pub email: String,
}

fn main() {}
