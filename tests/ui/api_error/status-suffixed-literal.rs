#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 404u8)]
    NotFound,
    #[error("conflict")]
    #[api(status = 409_u16)]
    Conflict,
}

fn main() {}
