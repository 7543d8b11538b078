pub struct User {
    pub email: String,
}

#[derive(pact::Dto)]
#[dto(from = User)]
pub struct UserView {
    #[dto(rename = email)]
    pub email: String,
}

fn main() {}
