pub struct User {
    pub first: String,
}

fn shout(user: &User) -> String {
    user.first.to_uppercase()
}

#[derive(pact::Dto)]
#[dto(from = User, with(first = shout))]
pub struct UserResponse {
    pub first: String,
}

fn main() {}
