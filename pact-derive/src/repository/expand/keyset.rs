//! Keyset pages: `impl Keyset` (the id and the sortable fields, with a `KeyCodec` of each
//! one's type; pact-core's one `SqlKeyset` impl binds what the codecs read).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::key_guards;
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

/// The types of the key columns, each once: the guards and checks require `CursorKey` of
/// them.
pub(super) fn key_types<'e>(entity: &'e Entity<'_>) -> Vec<&'e syn::Type> {
    let mut types: Vec<&syn::Type> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for (field, _) in key_columns(entity) {
        let ty = field.ty;
        let key = quote!(#ty).to_string();
        if !seen.contains(&key) {
            seen.push(key);
            types.push(ty);
        }
    }
    types
}

/// `impl Keyset for <Entity>`: the key columns and a codec of each one's type (their values
/// come from `Entity::field`). pact-core writes, compares and reads cursor values through the codecs, and its one
/// `SqlKeyset` impl binds what they read.
pub(super) fn keyset_impls(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let p = quote!(#krate::__private);
    let ident = entity.ident;
    let guards = key_guards(entity);
    let columns = key_columns(entity);
    let indexes = columns.iter().map(|(_, stored)| stored.index);
    let codecs = columns.iter().map(|(field, _)| {
        let ty = field.ty;
        quote!(#p::KeyCodec::of::<#ty>())
    });
    quote! {
        #[automatically_derived]
        impl #p::Keyset for #ident
        where
            #guards
        {
            const KEY_COLUMNS: &'static [::core::primitive::usize] = &[#(#indexes),*];
            const KEY_CODECS: &'static [#p::KeyCodec] = &[#(#codecs),*];
        }
    }
}

/// The one error for a key column's type that is not a `CursorKey`, on the field's type: lines
/// of the entity's one `checks` block.
pub(super) fn checks(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    key_types(entity)
        .into_iter()
        .map(|ty| {
            quote_spanned! {ty.span()=>
                let _ = #krate::__private::assert_cursor_key::<#ty>;
            }
        })
        .collect()
}
