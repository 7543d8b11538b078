#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("storage failed: {0}")]
    #[api(status = 500, message = "storage failed: {0}")]
    Storage(std::io::Error),
}

fn main() {}
