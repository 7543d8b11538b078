//! `#[derive(ApiError)]`: attributes are read (`attr`), checked into a model (`valid` ->
//! `ast`), then expanded (`expand`); on error, `fallback` stands in for the impl.

mod ast;
mod attr;
mod expand;
mod fallback;
mod headers;
mod openapi;
mod status;
mod valid;

use proc_macro2::TokenStream;
use syn::DeriveInput;

/// The whole derive, as a plain function over token streams (unit-testable without a
/// compiler).
pub fn derive(input: &DeriveInput) -> TokenStream {
    match valid::check(input) {
        Ok(model) => {
            let mut out = expand::expand(&model);
            if crate::features::openapi() {
                out.extend(openapi::expand(&model));
            }
            out
        }
        Err(errors) => {
            let mut out = errors.write_errors();
            if !matches!(input.data, syn::Data::Union(_)) {
                out.extend(fallback::expand(input, crate_override(input)));
            }
            out
        }
    }
}

/// `#[api(crate = path)]`, read on its own so the fallback uses it even when other keys are
/// wrong.
fn crate_override(input: &DeriveInput) -> Option<syn::Path> {
    let mut found = None;
    for attr in input
        .attrs
        .iter()
        .filter(|attr| attr.path().is_ident("api"))
    {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("crate") {
                found = Some(meta.value()?.parse::<syn::Path>()?);
            } else if meta.input.peek(syn::Token![=]) {
                let _: syn::Expr = meta.value()?.parse()?;
            } else if meta.input.peek(syn::token::Paren) {
                let _ = meta.parse_nested_meta(|_| Ok(()));
            }
            Ok(())
        });
    }
    found
}
