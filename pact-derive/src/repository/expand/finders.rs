//! Finder values: the hidden `__Pact<Entity>Value<'a>` enum, one variant per `#[repo(unique)]`
//! or `#[repo(indexed)]` field holding the finder's parameter, and what the runtime asks of
//! it: its column and value (`Entity::value_field`, over which pact-core hashes, matches and
//! binds it) and its cache key (`CacheEntity`). `find_by_email(v)` is
//! `Backend::load_unique(Value::email(v))`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{name, param_ref, param_type};
use crate::repository::ast::Entity;
use crate::repository::types::Param;

/// The enum's name: `__PactUserValue`.
pub(super) fn value_ident(entity: &Entity<'_>) -> syn::Ident {
    format_ident!("__Pact{}Value", entity.ident)
}

/// A variant of the enum holding `arg`: `__PactUserValue::email(arg)`.
pub(super) fn value_of(entity: &Entity<'_>, field: &syn::Ident, arg: &syn::Ident) -> TokenStream {
    let value = value_ident(entity);
    quote!(#value::#field(#arg))
}

/// The enum, beside the trait (whose provided methods build its variants); nothing for an
/// entity without finders (its `Value` is `Infallible`).
pub(super) fn value_enum(entity: &Entity<'_>) -> TokenStream {
    let vis = entity.vis;
    let value = value_ident(entity);
    let variants: Vec<TokenStream> = entity
        .finders()
        .map(|(field, stored)| {
            let f = field.ident;
            let ty = param_type(field, stored);
            quote!(#f(#ty))
        })
        .collect();
    if variants.is_empty() {
        return TokenStream::new();
    }
    let borrows = entity
        .finders()
        .any(|(_, stored)| stored.param() != crate::repository::types::Param::Value);
    let lifetime = borrows.then(|| quote!(<'a>));
    let doc = format!(
        "The value of one finder field of [`{}`]: what the generated repository trait passes to `Backend::load_unique` and `Backend::list_by`.",
        entity.ident
    );
    quote! {
        #[doc = #doc]
        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy)]
        #vis enum #value #lifetime {
            #(#variants,)*
        }
    }
}

/// `match *__pact_value { Value::f(__pact_v) => arm(field, stored), ... }`.
fn value_match(
    entity: &Entity<'_>,
    arm: impl Fn(&crate::repository::ast::Field<'_>, &crate::repository::ast::Stored) -> TokenStream,
) -> TokenStream {
    let value = value_ident(entity);
    let arms = entity.finders().map(|(field, stored)| {
        let f = field.ident;
        let body = arm(field, stored);
        quote!(#value::#f(__pact_v) => #body,)
    });
    quote! {
        match *__pact_value {
            #(#arms)*
        }
    }
}

/// The entity's `Value<'a>`: the enum (with `'a` when a variant borrows), or `Infallible`.
fn value_type(entity: &Entity<'_>) -> TokenStream {
    if entity.finders().next().is_none() {
        return quote!(::core::convert::Infallible);
    }
    let value = value_ident(entity);
    let borrows = entity
        .finders()
        .any(|(_, stored)| stored.param() != crate::repository::types::Param::Value);
    if borrows {
        quote!(#value<'a>)
    } else {
        quote!(#value)
    }
}

/// `Value` of the `Entity` impl, with the id's `IdBound` and `IdArg` (what a finder value is
/// for, hashes and matches are pact-core's, over `Entity::value_field`).
pub(super) fn entity_support(entity: &Entity<'_>) -> TokenStream {
    let (id_field, id) = entity.id();
    let id_bound = super::bind_type(id_field, id);
    let id_arg = param_type(id_field, id);
    let value_ty = value_type(entity);
    quote! {
        type IdBound = #id_bound;
        type IdArg<'a> = #id_arg;
        type Value<'a> = #value_ty;
    }
}

/// `Entity::value_field`: a finder's column, and its value as the column binds it.
pub(super) fn value_field(entity: &Entity<'_>, p: &TokenStream) -> TokenStream {
    let value = value_ident(entity);
    let arms: Vec<TokenStream> = entity
        .finders()
        .map(|(field, stored)| {
            let f = field.ident;
            let index = stored.index;
            let arg = match stored.param() {
                Param::Value => quote!(#p::FieldArg::Field(__pact_v)),
                Param::Ref => quote!(#p::FieldArg::Field(*__pact_v)),
                Param::Str => quote!(#p::FieldArg::Str(*__pact_v)),
                Param::Slice => quote!(#p::FieldArg::Bytes(*__pact_v)),
            };
            quote!(#value::#f(__pact_v) => (#index, #arg),)
        })
        .collect();
    let body = if arms.is_empty() {
        quote!(match *__pact_value {})
    } else {
        quote!(match __pact_value { #(#arms)* })
    };
    quote! {
        #[inline]
        fn value_field<'__pact_v>(
            __pact_value: &'__pact_v Self::Value<'_>,
        ) -> (::core::primitive::usize, #p::FieldArg<'__pact_v>) {
            #body
        }
    }
}

/// `value_key` of the `CacheEntity` impl.
pub(super) fn value_key(entity: &Entity<'_>, p: &TokenStream) -> TokenStream {
    let v = format_ident!("__pact_v");
    let key = value_match(entity, |field, stored| {
        let field_name = name(field);
        let value = param_ref(stored, &v);
        quote!((#field_name, #p::cache::key_part(#value)))
    });
    quote! {
        #[inline]
        fn value_key(
            __pact_value: &Self::Value<'_>,
        ) -> (&'static ::core::primitive::str, #p::String) {
            #key
        }
    }
}
