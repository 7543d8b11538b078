#[derive(Debug, thiserror::Error, pact::ApiError)]
#[api(titel = "User problem")]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 404)]
    NotFound,
}

fn main() {}
