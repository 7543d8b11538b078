#[derive(Debug, thiserror::Error, pact::ApiError)]
#[api(title = "Problem }")]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 404, title = "Missing {")]
    NotFound,
    #[error("bad")]
    #[api(status = 400, title = "Bad {:?}")]
    Bad,
}

fn main() {}
