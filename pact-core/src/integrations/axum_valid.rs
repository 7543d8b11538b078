//! `Valid<...>` extractors for axum.
