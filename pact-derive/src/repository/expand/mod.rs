//! The expansion: the `<Entity>Repository` trait (`methods`), its blanket impl over `Backend`
//! (`impls`), and one `Entity` impl (`entity`) holding the metadata, the finder values
//! (`finders`), the stored fields' row (`binding`), the keyset codecs (`keyset`), the
//! lifecycle columns (`lifecycle`) and the trait object (`impls`).

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
    let blanket = impls::blanket_impl(entity);
    let cached = crate::features::cache().then(|| cached::cached_impl(entity));
    let soft_deletable = lifecycle::soft_deletable(entity);
    let defaults = defaults(entity);
    quote! {
        #the_trait
        const _: () = {
            #defaults
            #entity_impl
            #blanket
            #cached
            #soft_deletable
        };
    }
}

/// The one where-clause of every other impl (and of the trait): the entity's `Entity` impl
/// holds, which is exactly when its guards do.
pub(super) fn entity_guard(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let ident = entity.ident;
    quote!(where for<'__pact> #ident: #krate::__private::Entity,)
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
