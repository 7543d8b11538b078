#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 0x194)]
    NotFound,
    #[error("conflict")]
    #[api(status = 4_09)]
    Conflict,
    #[error("gone")]
    #[api(status = 0o632)]
    Gone,
    #[error("locked")]
    #[api(status = 0423)]
    Locked,
}

fn main() {}
