#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("odd")]
    #[api(status = 600)]
    Odd,
}

fn main() {}
