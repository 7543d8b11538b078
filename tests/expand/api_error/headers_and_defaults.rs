// Enum-level defaults (status, title, type, a header) and per-variant headers.
#[derive(Debug, thiserror::Error, pact::ApiError)]
#[api(status = 401, title = "Authentication failed", header("WWW-Authenticate", "Bearer realm=\"api\""))]
pub enum AuthError {
    #[error("token expired")]
    Expired,

    #[error("slow down")]
    #[api(status = TOO_MANY_REQUESTS, header("Retry-After", "{retry_after}"))]
    RateLimited { retry_after: u64 },

    #[error("teapot")]
    #[api(status = 499, type = "https://example.com/probs/client-closed")]
    ClientClosed,
}
