//! Keyset pages: `impl Keyset` (cursor values of the id and the sortable fields, read back as
//! their types for pact-core's one `SqlKeyset` impl to bind).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::guards;
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

/// `impl Keyset for <Entity>` (pact-core's one `SqlKeyset` impl binds through `read_key`).
pub(super) fn keyset_impls(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let p = quote!(#krate::__private);
    let ident = entity.ident;
    let guards = guards(entity);
    let columns = key_columns(entity);
    let indexes = columns.iter().map(|(_, stored)| stored.index);
    let arms = |arm: &Arm<'_>, fallback: TokenStream| {
        let arms = columns.iter().map(|(field, stored)| {
            let index = stored.index;
            let body = arm(field);
            quote!(#index => #body,)
        });
        quote! {
            match __pact_column {
                #(#arms)*
                _ => #fallback,
            }
        }
    };
    let write = arms(
        &|field| {
            let f = field.ident;
            quote!(#p::CursorKey::write(&self.#f, __pact_out))
        },
        quote!({}),
    );
    let compare = arms(
        &|field| {
            let f = field.ident;
            quote!(#p::compare_key(&self.#f, __pact_key))
        },
        quote!(::core::option::Option::None),
    );
    let read = arms(
        &|field| {
            let ty = field.ty;
            quote!(#p::read_key::<#ty>(<Self as #p::Entity>::NAME, __pact_key, __pact_with))
        },
        quote! {
            ::core::result::Result::Err(#p::RepoError::InvalidCursor {
                entity: <Self as #p::Entity>::NAME,
                reason: "not a keyset column",
            })
        },
    );
    quote! {
        #[automatically_derived]
        impl #p::Keyset for #ident
        where
            #guards
        {
            const KEY_COLUMNS: &'static [::core::primitive::usize] = &[#(#indexes),*];

            #[inline]
            fn write_key(
                &self,
                __pact_column: ::core::primitive::usize,
                __pact_out: &mut #p::Vec<::core::primitive::u8>,
            ) {
                #write
            }

            #[inline]
            fn compare_key(
                &self,
                __pact_column: ::core::primitive::usize,
                __pact_key: &mut &[::core::primitive::u8],
            ) -> ::core::option::Option<::core::cmp::Ordering> {
                #compare
            }

            fn read_key(
                __pact_column: ::core::primitive::usize,
                __pact_key: &mut &[::core::primitive::u8],
                __pact_with: &mut dyn ::core::ops::FnMut(
                    &dyn ::core::any::Any,
                    ::core::primitive::bool,
                ) -> ::core::result::Result<(), #p::RepoError>,
            ) -> ::core::result::Result<(), #p::RepoError> {
                #read
            }
        }
    }
}

/// One match arm's body, from the key column's field.
type Arm<'a> = dyn Fn(&Field<'_>) -> TokenStream + 'a;

/// The one error for a key column's type that is not a `CursorKey`, on the field's type.
pub(super) fn checks(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let types = key_types(entity);
    if types.is_empty() {
        return TokenStream::new();
    }
    let checks = types.into_iter().map(|ty| {
        quote_spanned! {ty.span()=>
            let _ = __pact_assert_cursor_key::<#ty>;
        }
    });
    quote! {
        const _: () = {
            const fn __pact_assert_cursor_key<T: #krate::__private::CursorKey>() {}
            #(#checks)*
        };
    }
}
