pub struct User {
    pub nickname: Option<String>,
}

#[derive(pact::Dto)]
#[dto(patch = User)]
pub struct UpdateUser {
    pub nickname: pact::Patch<String>,
}

fn main() {}
