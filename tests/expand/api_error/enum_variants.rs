// Statuses by number and by name, default codes, interpolated messages, a 5xx.
#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user {0} not found")]
    #[api(status = 404, code = "user_not_found")]
    NotFound(i64),

    #[error("{email} is already registered")]
    #[api(status = CONFLICT, message = "the email {email:?} is taken")]
    EmailTaken { email: String },

    #[error("storage failed")]
    #[api(status = 500)]
    Storage(#[from] std::io::Error),
}
