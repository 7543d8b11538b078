use pact::ApiError;

#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = NOT_FOUDN)]
    NotFound,
}

fn status_of(error: &impl ApiError) -> u16 {
    error.status().as_u16()
}

fn main() {
    let error = UserError::NotFound;
    let _ = status_of(&error);
    let _ = error.code();
    let _ = error.message();
    let _ = error.problem_details();
    let _: Box<dyn ApiError> = Box::new(UserError::NotFound);
}
