use pact::ApiError;

#[derive(Debug, thiserror::Error, pact::ApiError)]
#[api(title = "User problem")]
pub enum UserError {
    #[error("user {0} not found")]
    #[api(status = 404, code = "user_not_found")]
    NotFound(i64),
    #[error("too many")]
    #[api(status = TOO_MANY_REQUESTS, header("Retry-After", "{retry_after}"), message = "slow down, {name:?}")]
    RateLimited { retry_after: u64, name: String },
    #[error("storage: {0}")]
    #[api(status = 500)]
    Storage(#[from] std::io::Error),
    #[error(transparent)]
    #[api(transparent)]
    Inner(Inner),
}

#[derive(Debug, thiserror::Error, pact::ApiError)]
#[error("inner")]
#[api(status = 499)]
pub struct Inner;

#[test]
fn smoke() {
    let e = UserError::NotFound(3);
    assert_eq!(e.status().as_u16(), 404);
    let p = UserError::RateLimited {
        retry_after: 5,
        name: "bob".into(),
    }
    .problem_details();
    assert_eq!(p.detail.as_deref(), Some("slow down, \"bob\""));
    assert_eq!(UserError::Inner(Inner).status().as_u16(), 499);
}
