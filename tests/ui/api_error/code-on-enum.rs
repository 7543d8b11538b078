#[derive(Debug, thiserror::Error, pact::ApiError)]
#[api(status = 400, code = "user_error")]
pub enum UserError {
    #[error("bad name")]
    BadName,
    #[error("bad email")]
    BadEmail,
}

fn main() {}
