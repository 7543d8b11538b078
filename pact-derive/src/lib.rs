//! Derive macros of [pact](https://docs.rs/pact). Depend on the `pact` crate, which
//! re-exports them with the runtime they expand to; the derives are documented there.

#![warn(missing_docs)]
#![forbid(unsafe_code)]
// The fuzz test turns on proc-macro2's `span-locations` (a dev-dependency feature, unified into
// every build of a `cargo test`/`clippy --all-targets` run), which makes every span, and so
// `syn` types such as `Expr`, larger: enum layouts that are fine in the real build trip this.
#![allow(clippy::large_enum_variant)]
mod api_error;
mod dto;
mod features;
#[cfg(test)]
mod fuzz;
mod internals;
mod repository;
#[cfg(test)]
mod snapshots;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derives `pact::ApiError`; see the `pact` crate for the attributes.
#[proc_macro_derive(ApiError, attributes(api))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    api_error::derive(&input).into()
}

/// Derives `pact::ValidateWith` (request validation) and `pact::Normalize` (sanitising); see
/// the `pact` crate for the attributes.
#[proc_macro_derive(Dto, attributes(dto, validate))]
pub fn derive_dto(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    dto::derive(&input).into()
}

/// Derives `pact::Entity`, row decoding and binding, and a `<Entity>Repository` trait with its
/// memory and SQL implementations; see the `pact` crate for the attributes.
#[proc_macro_derive(Repository, attributes(repo))]
pub fn derive_repository(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    repository::derive(&input).into()
}
