//! `#[derive(Repository)]`: entity metadata, per-dialect SQL computed at compile time, and a
//! `<Entity>Repository` trait implemented for memory and sqlx. Attributes are parsed (`attr`),
//! checked into a model (`valid` -> `ast`, with `types` for column types, `names` for table and
//! column names, `sql_type` for user column types and `checks` across fields), then expanded
//! (`sql` for the statements, `expand` for the impls); on error, `fallback` stands in.

mod ast;
mod attr;
mod checks;
mod expand;
mod fallback;
mod lifecycle;
mod names;
mod sql;
mod sql_type;
mod types;
mod valid;

use proc_macro2::TokenStream;
use syn::DeriveInput;

use crate::internals::ctxt::Ctxt;

/// The whole derive, as a plain function over token streams.
pub fn derive(input: &DeriveInput) -> TokenStream {
    let mut cx = Ctxt::new();
    let model = valid::build(input, &mut cx);
    match (cx.into_compile_errors(), model) {
        (None, Some(model)) => expand::expand(&model),
        (errors, model) => {
            let mut out = errors.unwrap_or_default();
            if let Some(model) = model {
                out.extend(fallback::expand(&model));
            }
            out
        }
    }
}
