#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error(transparent)]
    #[api(transparent)]
    Io(std::io::Error),
}

fn main() {}
