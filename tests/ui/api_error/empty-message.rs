#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 404, message = "")]
    NotFound,
    #[error("bad")]
    #[api(status = 400, message = "   ")]
    Bad,
}

fn main() {}
