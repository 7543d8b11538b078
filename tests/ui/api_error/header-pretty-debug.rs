#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("bad {0:?}")]
    #[api(status = 400, header("X-Bad", "{0:#?}"))]
    Bad(Vec<u8>),
}

fn main() {}
