#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 4044)]
    NotFound(u64),
    #[error("conflict")]
    #[api(stauts = 409)]
    Conflict,
    #[error("gone")]
    #[api(status = 410, code = "gone away")]
    Gone,
}

fn main() {}
