//! Which optional impls the derives emit. pact's `openapi` feature turns on pact-derive's
//! `openapi`, and its `cache` and `redis` features turn on `cache`, so a build without them
//! neither generates nor parses those impls (they stay wrapped in pact-core's `openapi_impls!`
//! and `cache_impls!`, which drop them when pact-core's feature is off). The expansion
//! snapshots (unit tests) emit everything.

/// `utoipa` impls: `ToSchema` of DTOs, `IntoResponses` of API errors.
pub const fn openapi() -> bool {
    cfg!(any(feature = "openapi", test))
}

/// `CacheEntity` of entities.
pub const fn cache() -> bool {
    cfg!(any(feature = "cache", test))
}
