extern crate pact as renamed;

use renamed::ApiError;

#[derive(Debug, thiserror::Error, renamed::ApiError)]
#[api(crate = renamed, title = "")]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 404)]
    NotFound,
}

fn main() {
    let _ = UserError::NotFound.status();
}
