#[derive(Debug, thiserror::Error, pact::ApiError)]
#[api(status = 400, message = "bad user")]
pub enum UserError {
    #[error("bad name")]
    BadName,
}

fn main() {}
