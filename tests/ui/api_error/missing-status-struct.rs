#[derive(Debug, thiserror::Error, pact::ApiError)]
#[error("out of credit")]
#[api(code = "out_of_credit")]
pub struct OutOfCredit;

fn main() {}
