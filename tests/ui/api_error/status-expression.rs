#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = StatusCode::from_u16(404))]
    NotFound,
}

fn main() {}
