//! Error types shared by the axum and actix-web integration tests.

/// Appears in the Display and source of the 500 variant; must never reach a client.
pub const SECRET: &str = "hunter2";
pub const INTERNAL_HOST: &str = "10.0.0.5";
pub const GENERIC_500: &str =
    "The server could not complete the request. The error has been logged.";

#[derive(Debug, thiserror::Error)]
#[error("connection to postgres://admin:hunter2@10.0.0.5/prod refused")]
pub struct DbError;

#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum BillingError {
    #[error("payment required: balance is {balance}")]
    #[api(
        status = 402,
        code = "payment_required",
        header("X-Balance", "{balance}")
    )]
    PaymentRequired { balance: i64 },
}

#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum AppError {
    #[error("user {0} not found")]
    #[api(status = 404, code = "user_not_found")]
    NotFound(u64),

    #[error("email {email} is already taken")]
    #[api(status = CONFLICT, code = "email_taken")]
    EmailTaken { email: String },

    #[error("too many requests")]
    #[api(status = 429, header("Retry-After", "{secs}"))]
    RateLimited { secs: u64 },

    #[error("missing credentials")]
    #[api(
        status = 401,
        code = "unauthorized",
        header("WWW-Authenticate", "Bearer realm=\"api\"")
    )]
    Unauthorized,

    #[error("database failed (password hunter2)")]
    #[api(status = 500)]
    Database(#[source] DbError),

    #[error(transparent)]
    #[api(transparent)]
    Billing(#[from] BillingError),
}

#[derive(Debug, thiserror::Error, pact::ApiError)]
#[error("order {id} is locked")]
#[api(
    status = 423,
    code = "order_locked",
    title = "Order locked",
    type = "https://example.com/probs/order-locked"
)]
pub struct OrderLocked {
    pub id: u32,
}
