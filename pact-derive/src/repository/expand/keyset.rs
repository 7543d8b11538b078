//! Keyset pages: `impl Keyset` (the id and the sortable fields, with a `KeyCodec` of each
//! one's type; pact-core's one `SqlKeyset` impl binds what the codecs read).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::repository::ast::{Entity, Field, Stored};
use crate::repository::types::Kind;

/// The columns a keyset page may be ordered by: the id and the sortable fields whose types
/// the derive knows (a type with a `sql_type` of its own has no cursor encoding).
pub(super) fn key_columns<'e>(entity: &'e Entity<'_>) -> Vec<(&'e Field<'e>, &'e Stored)> {
    entity
        .stored()
        .filter(|(_, stored)| stored.sortable && stored.kind != Kind::Other)
        .collect()
}

/// `impl Keyset for <Entity>`: the key columns and a codec of each one's type (their values
/// come from `Entity::field`). pact-core writes, compares and reads cursor values through the codecs, and its one
/// `SqlKeyset` impl binds what they read.
pub(super) fn keyset_impls(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let p = quote!(#krate::__private);
    let ident = entity.ident;
    let guard = super::entity_guard(entity);
    let columns = key_columns(entity);
    let indexes = columns.iter().map(|(_, stored)| stored.index);
    // Spanned on the type: a type that is not a `CursorKey` is reported there, once.
    let codecs = columns.iter().map(|(field, _)| {
        let ty = field.ty;
        quote_spanned!(ty.span()=> #p::KeyCodec::of::<#ty>())
    });
    quote! {
        #[automatically_derived]
        impl #p::Keyset for #ident #guard {
            const KEY_COLUMNS: &'static [::core::primitive::usize] = &[#(#indexes),*];
            const KEY_CODECS: &'static [#p::KeyCodec] = &[#(#codecs),*];
        }
    }
}
