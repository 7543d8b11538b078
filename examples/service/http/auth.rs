//! `POST /auth/token`.

use axum::Json;
use axum::extract::State;
use pact::axum::Valid;

use super::AppState;
use crate::service::dto::{TokenRequest, TokenResponse};
use crate::service::errors::ServiceError;

/// Exchanges an email and a password for a signed, expiring bearer token.
#[utoipa::path(
    post,
    path = "/auth/token",
    tag = "auth",
    request_body = TokenRequest,
    responses(
        (status = 200, description = "A bearer token", body = TokenResponse),
        ServiceError,
    )
)]
pub async fn token(
    State(state): State<AppState>,
    Valid(Json(request)): Valid<Json<TokenRequest>>,
) -> Result<Json<TokenResponse>, ServiceError> {
    let TokenRequest { email, password } = request;
    let (_user, access_token) = state.users.sign_in(&email, password).await?;
    Ok(Json(TokenResponse {
        access_token,
        token_type: "Bearer".into(),
        expires_in: state.users.tokens().ttl().as_secs(),
    }))
}
