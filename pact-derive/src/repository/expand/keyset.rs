//! Keyset pages: the `Entity` impl's `KEY_COLUMNS` and `KEY_CODECS` (the id and the sortable
//! fields, with a `KeyCodec` of each one's type; pact-core's `Keyset` writes, compares and
//! reads cursor values through them, and its one `SqlKeyset` impl binds what they read).

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

/// `KEY_COLUMNS` and `KEY_CODECS`: the key columns and a codec of each one's type (their
/// values come from `Entity::field`).
pub(super) fn key_items(entity: &Entity<'_>, p: &TokenStream) -> TokenStream {
    let columns = key_columns(entity);
    let indexes = columns.iter().map(|(_, stored)| stored.index);
    // Spanned on the type: a type that is not a `CursorKey` is reported there, once.
    let codecs = columns.iter().map(|(field, _)| {
        let ty = field.ty;
        quote_spanned!(ty.span()=> #p::KeyCodec::of::<#ty>())
    });
    quote! {
        const KEY_COLUMNS: &'static [::core::primitive::usize] = &[#(#indexes),*];
        const KEY_CODECS: &'static [#p::KeyCodec] = &[#(#codecs),*];
    }
}
