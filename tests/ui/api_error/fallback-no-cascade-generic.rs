use pact::ApiError;

#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError<T> {
    #[error("user {0} not found")]
    #[api(status = NOT_FOUDN, message = "user {0} not found")]
    NotFound(T),
}

fn main() {
    let error: UserError<u64> = UserError::NotFound(7);
    let _ = error.status();
}
