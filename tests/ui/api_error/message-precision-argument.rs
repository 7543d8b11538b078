#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("bad {0}")]
    #[api(status = 400, message = "bad {0:.*}")]
    Bad(f64),
}

fn main() {}
