//! The cached decorator's part of the expansion: `CacheEntity for User` (the schema hash, the
//! key parts), inside `cache_impls! { ... }` (nothing unless a cache feature is on), and
//! bounded on `User: Cacheable` under the binder, so an entity without serde has none.
//! `Cached<User>` is a `UserRepository` through the blanket impl: the runtime implements
//! `Backend<E>` for `Cached<E>` once, for every entity.

use proc_macro2::TokenStream;
use quote::quote;

use super::name;
use crate::repository::ast::Entity;

/// A 64-bit FNV-1a hash of what decides the stored bytes and their meaning: the table, and
/// every field's name, type, column and `#[repo]` flags, in order.
fn schema_hash(entity: &Entity<'_>) -> u64 {
    let mut text = format!("postcard-1|{}|", entity.table);
    for field in &entity.fields {
        let ty = field.ty;
        text.push_str(&name(field));
        text.push(':');
        text.push_str(&quote!(#ty).to_string());
        text.push(':');
        text.push_str(&field.column);
        if let Some(stored) = &field.stored {
            {
                let flags = [
                    stored.id,
                    stored.generated,
                    stored.unique,
                    stored.indexed,
                    stored.sortable,
                    stored.version,
                    stored.nullable,
                ];
                for flag in flags {
                    text.push(if flag { '1' } else { '0' });
                }
                text.push_str(&stored.sql_types.join(","));
            }
        } else {
            text.push_str(":skip:");
            if let Some(default) = &field.default {
                text.push_str(&quote!(#default).to_string());
            }
        }
        text.push('|');
    }
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

pub(super) fn cached_impl(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let p = quote!(#krate::__private);
    let ident = entity.ident;
    let id_ty = entity.id().0.ty;
    let mut key_types: Vec<&syn::Type> = vec![id_ty];
    for (field, _) in entity.finders() {
        let ty = field.ty;
        if !key_types
            .iter()
            .any(|known| quote!(#known).to_string() == quote!(#ty).to_string())
        {
            key_types.push(ty);
        }
    }
    let bounds = quote! {
        for<'__pact> #ident: #p::Entity,
        for<'__pact> #ident: #p::cache::Cacheable,
        #(for<'__pact> #key_types: #p::cache::CacheKeyValue,)*
    };
    let entity_impl = cache_entity_impl(entity, &bounds);
    quote! {
        #p::cache_impls! {
            #entity_impl
        }
    }
}

/// `CacheEntity for User`: the schema hash and the key parts of the id and the unique values.
fn cache_entity_impl(entity: &Entity<'_>, bounds: &TokenStream) -> TokenStream {
    let krate = &entity.krate;
    let p = quote!(#krate::__private);
    let ident = entity.ident;
    let id_ident = entity.id().0.ident;
    let hash = schema_hash(entity);
    let value_key = super::finders::value_key(entity, &p);
    let unique_parts = entity
        .finders()
        .filter(|(_, stored)| stored.unique)
        .map(|(field, _)| {
            let f = field.ident;
            let field_name = name(field);
            quote!((#field_name, #p::cache::key_part(&self.#f)))
        });
    quote! {
        #[automatically_derived]
        impl #p::cache::CacheEntity for #ident
        where
            #bounds
        {
            const SCHEMA_HASH: ::core::primitive::u64 = #hash;

            fn id_key(&self) -> #p::String {
                #p::cache::key_part(&self.#id_ident)
            }

            fn unique_keys(&self) -> #p::Vec<(&'static ::core::primitive::str, #p::String)> {
                <#p::Vec<(&'static ::core::primitive::str, #p::String)> as ::core::convert::From<_>>::from([#(#unique_parts),*])
            }

            #value_key
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::internals::ctxt::Ctxt;
    use crate::repository::valid;

    #[test]
    fn the_schema_hash_follows_the_fields() {
        let hash = |input: syn::DeriveInput| {
            let mut cx = Ctxt::new();
            schema_hash(&valid::build(&input, &mut cx).expect("valid"))
        };
        let a = hash(syn::parse_quote! {
            #[repo(table = "users")]
            struct User { #[repo(id)] id: i64, name: String }
        });
        let same = hash(syn::parse_quote! {
            #[repo(table = "users")]
            struct User { #[repo(id)] id: i64, name: String }
        });
        let renamed = hash(syn::parse_quote! {
            #[repo(table = "users")]
            struct User { #[repo(id)] id: i64, full_name: String }
        });
        let retyped = hash(syn::parse_quote! {
            #[repo(table = "users")]
            struct User { #[repo(id)] id: i64, name: Option<String> }
        });
        let unique = hash(syn::parse_quote! {
            #[repo(table = "users")]
            struct User { #[repo(id)] id: i64, #[repo(unique)] name: String }
        });
        assert_eq!(a, same);
        assert_ne!(a, renamed);
        assert_ne!(a, retyped);
        assert_ne!(a, unique);
    }
}
