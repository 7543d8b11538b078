#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("bye")]
    #[api(status = 400, header("Connection", "close"), header("Transfer-Encoding", "chunked"), header("Upgrade", "h2c"))]
    Bye,
}

fn main() {}
