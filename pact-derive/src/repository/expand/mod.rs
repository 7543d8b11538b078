//! The expansion: `Entity` metadata (`entity`), finder values (`finders`), row decoding and
//! binding (`binding`), the `<Entity>Repository` trait with its provided methods over
//! `Backend` (`methods`), and its blanket impl (`impls`).

mod binding;
mod cached;
mod entity;
mod finders;
mod impls;
mod keyset;
mod lifecycle;
mod methods;

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::ast::{Entity, Field, Stored};
use super::types::Param;

pub use methods::repository_trait;

pub fn expand(entity: &Entity<'_>) -> TokenStream {
    let the_trait = repository_trait(entity);
    let entity_impl = entity::entity_impl(entity);
    let stored_fields = binding::stored_fields_impl(entity);
    let blanket = impls::blanket_impl(entity);
    let unit = impls::unit_impl(entity);
    let keyset = keyset::keyset_impls(entity);
    let cached = crate::features::cache().then(|| cached::cached_impl(entity));
    let soft_deletable = lifecycle::soft_deletable(entity);
    let checks = checks(entity);
    let keyset_checks = keyset::checks(entity);
    let defaults = defaults(entity);
    quote! {
        #the_trait
        const _: () = {
            const _: () = {
                #checks
                #keyset_checks
            };
            #defaults
            #entity_impl
            #stored_fields
            #blanket
            #unit
            #keyset
            #cached
            #soft_deletable
        };
    }
}

/// The where-clauses of the `Entity` impl: the id type and the struct have what an entity
/// needs, and each unique field's type is hashable. Under a `for<'__pact>` binder a false one
/// is not an error of its own, so `checks` reports it once instead of every item that relies
/// on it.
pub(super) fn guards(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let ident = entity.ident;
    let (id_field, _) = entity.id();
    let id_ty = id_field.ty;
    let unique = unique_types(entity);
    quote! {
        for<'__pact> #id_ty: #krate::__private::EntityId,
        for<'__pact> #ident: #krate::__private::EntityRow,
        #(for<'__pact> #unique: #krate::__private::UniqueValue,)*
    }
}

/// The where-clauses of the `Keyset` impl: the entity's `Entity` impl holds, and each key
/// column's type is a `CursorKey` (both under the binder, as in [`guards`]).
pub(super) fn key_guards(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let keys = keyset::key_types(entity);
    let entity_guard = entity_guard(entity);
    quote! {
        #entity_guard
        #(for<'__pact> #keys: #krate::__private::CursorKey,)*
    }
}

/// The bound of the impls whose bodies only call the runtime: the entity's own `Entity` impl,
/// under the binder, holds exactly when the guards do (one predicate instead of all of them).
pub(super) fn entity_guard(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let ident = entity.ident;
    quote!(for<'__pact> #ident: #krate::__private::Entity,)
}

/// The types of the unique fields, each once.
fn unique_types<'e>(entity: &'e Entity<'_>) -> Vec<&'e syn::Type> {
    let mut types: Vec<&syn::Type> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for (field, _) in entity.stored().filter(|(_, stored)| stored.unique) {
        let ty = field.ty;
        let key = quote!(#ty).to_string();
        if !seen.contains(&key) {
            seen.push(key);
            types.push(ty);
        }
    }
    types
}

/// The one error for an id type, a struct or a unique field's type that lacks what an entity
/// needs, on the user's type: one `let` each in one constant (pact-core's `assert_*` functions
/// carry the bounds).
fn checks(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let ident = entity.ident;
    let (id_field, _) = entity.id();
    let id_ty = id_field.ty;
    let id_check = quote_spanned! {id_ty.span()=>
        let _ = #krate::__private::assert_id::<#id_ty>;
    };
    let row_check = quote_spanned! {ident.span()=>
        let _ = #krate::__private::assert_row::<#ident>;
    };
    let unique_checks = unique_types(entity).into_iter().map(|ty| {
        quote_spanned! {ty.span()=>
            let _ = #krate::__private::assert_unique::<#ty>;
        }
    });
    quote! {
        #id_check
        #row_check
        #(#unique_checks)*
    }
}

pub(super) fn name(field: &Field<'_>) -> String {
    field.ident.to_string().trim_start_matches("r#").to_owned()
}

/// The parameter type a finder (or `find_by_id`) takes for this field.
pub(super) fn param_type(field: &Field<'_>, stored: &Stored) -> TokenStream {
    let ty = field.ty;
    match stored.param() {
        Param::Value => quote!(#ty),
        Param::Str => quote!(&'a ::core::primitive::str),
        Param::Slice => quote!(&'a [::core::primitive::u8]),
        Param::Ref => quote!(&'a #ty),
    }
}

/// The same parameter as the unsized type bound by `SqlBind` (`str`, `[u8]`, `T`).
pub(super) fn bind_type(field: &Field<'_>, stored: &Stored) -> TokenStream {
    let ty = field.ty;
    match stored.param() {
        Param::Value | Param::Ref => quote!(#ty),
        Param::Str => quote!(::core::primitive::str),
        Param::Slice => quote!([::core::primitive::u8]),
    }
}

/// A reference to the parameter named `ident`.
pub(super) fn param_ref(stored: &Stored, ident: &syn::Ident) -> TokenStream {
    match stored.param() {
        Param::Value => quote!(&#ident),
        Param::Str | Param::Slice | Param::Ref => quote!(#ident),
    }
}

/// Where a field that is not stored gets its value: its helper in `defaults`, so a `default`
/// of the wrong type (or a type without `Default`) is one error, not one per use.
pub(super) fn default_value(field: &Field<'_>) -> TokenStream {
    let helper = default_helper(field);
    quote!(Self::#helper())
}

fn default_helper(field: &Field<'_>) -> syn::Ident {
    quote::format_ident!("__pact_default_{}", name(field))
}

/// One hidden associated function per field that is not stored, holding its `default`
/// expression (or `Default::default()`), spanned on the user's tokens.
fn defaults(entity: &Entity<'_>) -> TokenStream {
    let ident = entity.ident;
    let helpers: Vec<TokenStream> = entity
        .fields
        .iter()
        .filter(|field| field.stored.is_none())
        .map(|field| {
            let helper = default_helper(field);
            let ty = field.ty;
            let value = if let Some(expr) = &field.default {
                quote_spanned!(expr.span()=> #expr)
            } else {
                quote_spanned!(ty.span()=> <#ty as ::core::default::Default>::default())
            };
            quote! {
                #[doc(hidden)]
                #[inline]
                fn #helper() -> #ty {
                    #value
                }
            }
        })
        .collect();
    if helpers.is_empty() {
        return TokenStream::new();
    }
    quote! {
        #[automatically_derived]
        impl #ident {
            #(#helpers)*
        }
    }
}
