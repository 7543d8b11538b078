//! `#[derive(Dto)]`: request validation (`ValidateWith`), sanitising (`Normalize`) and mapping
//! to and from domain types (`From`, `TryFrom`, `ApplyTo`). Attributes are parsed
//! (`container`, `rules`, `sanitize`, `serde_names`, `mapping::attr`), checked into a model
//! (`valid` -> `ast`, `mapping::check`), then expanded (`expand`, `normalize`, `mapping`); on
//! error, `fallback` and `mapping::fallback` stand in for the impls.

mod ast;
mod bounds;
mod container;
mod expand;
mod fallback;
mod mapping;
mod normalize;
mod openapi;
mod openapi_rules;
mod openapi_types;
mod pattern;
mod rules;
mod sanitize;
mod serde_names;
#[cfg(test)]
mod tests;
mod valid;

use proc_macro2::TokenStream;
use syn::DeriveInput;

use crate::internals::ctxt::Ctxt;

/// The whole derive, as a plain function over token streams.
pub fn derive(input: &DeriveInput) -> TokenStream {
    let mut cx = Ctxt::new();
    let model = valid::build(input, &mut cx);
    match (cx.into_compile_errors(), model) {
        (None, Some(model)) => {
            let mut out = expand::validate_impl(&model);
            out.extend(normalize::normalize_impl(&model));
            out.extend(mapping::expand(&model));
            if crate::features::openapi() {
                out.extend(openapi::expand(&model, input));
            }
            out
        }
        (errors, model) => {
            let mut out = errors.unwrap_or_default();
            if let Some(model) = model {
                out.extend(fallback::expand(&model));
                out.extend(mapping::fallback(&model));
                if crate::features::openapi() {
                    out.extend(openapi::fallback(&model));
                }
            }
            out
        }
    }
}
