#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 404)]
    NotFound {
        #[api(message = "user {id} not found")]
        id: u64,
    },
}

fn main() {}
