// Expected: an error on `#[api]` ("expected `#[api(...)]` with keys"); today a bare `#[api]`
// is silently accepted (here it compiles, the enum default supplying the status).
#[derive(Debug, thiserror::Error, pact::ApiError)]
#[api(status = 404)]
pub enum UserError {
    #[error("user not found")]
    #[api]
    NotFound,
}

fn main() {}
