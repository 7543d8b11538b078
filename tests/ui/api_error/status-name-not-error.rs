#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("moved")]
    #[api(status = StatusCode::MOVED_PERMANENTLY)]
    Moved,
}

fn main() {}
