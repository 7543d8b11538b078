//! `Valid<...>` extractors for actix-web.
