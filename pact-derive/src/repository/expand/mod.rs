//! The expansion: `Entity` metadata (`entity`), row decoding and binding (`binding`), the
//! `<Entity>Repository` trait (`methods`), and its impls for `MemoryRepository` and
//! `SqlRepository` (`impls`).

mod binding;
mod entity;
mod impls;
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
    let sql_entity = binding::sql_entity_impl(entity);
    let memory = impls::memory_impl(entity);
    let sql = impls::sql_impl(entity);
    quote! {
        #the_trait
        const _: () = {
            #entity_impl
            #sql_entity
            #memory
            #sql
        };
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

pub(super) fn default_value(field: &Field<'_>) -> TokenStream {
    if let Some(expr) = &field.default {
        quote_spanned!(expr.span()=> #expr)
    } else {
        let ty = field.ty;
        quote_spanned!(ty.span()=> <#ty as ::core::default::Default>::default())
    }
}
