//! Framework integrations, each behind its cargo feature.

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;

#[cfg(feature = "actix-web")]
mod actix_valid;
#[cfg(feature = "axum")]
mod axum_valid;
