#[derive(Debug, thiserror::Error, pact::ApiError)]
#[error("out of credit")]
#[api(status = 402)]
pub struct OutOfCredit(#[api(status = 402)] i64);

fn main() {}
