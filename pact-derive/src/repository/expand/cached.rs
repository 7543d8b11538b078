//! The cached decorator's impls: `CacheEntity for User` and `UserRepository for
//! Cached<User>`, inside `cache_impls! { ... }` (nothing unless a cache feature is on), and
//! bounded on `User: Cacheable` under the binder, so an entity without serde has none.
//!
//! Every method of the trait is classified by name (`classify`): reads by id and unique
//! field are cache-aside, pages and counts cached only when the cache says so, writes
//! invalidate, the rest pass through. A method `methods()` produces without a class is a
//! `compile_error!` in its body, and the unit test below fails first.

use proc_macro2::{Delimiter, Ident, Spacing, TokenStream, TokenTree};
use quote::{format_ident, quote};

use super::methods::{methods, signature};
use super::{guards, name, param_ref};
use crate::repository::ast::Entity;

/// What the decorator does with a method.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Class {
    /// `find_by_id`: cache-aside by id.
    FindById,
    /// `get_by_id`: cache-aside by id, `NotFound` from the backing repository.
    GetById,
    /// `exists`: a cached entity answers `true`; otherwise the backing repository.
    Exists,
    /// `find_by_<unique field>`: a key holding the id, checked against the entity.
    Unique(String),
    /// Pages and counts: cached only with `Cache::cache_lists`.
    List,
    /// Writes: invalidate the id, the unique values and the pages.
    Write,
    /// Straight to the backing repository.
    PassThrough,
}

/// The class of the method named `method`, given the unique fields and the indexed ones.
fn classify(method: &str, unique: &[String], indexed: &[String]) -> Option<Class> {
    let class = match method {
        "find_by_id" => Class::FindById,
        "get_by_id" => Class::GetById,
        "exists" => Class::Exists,
        // Batches, soft-deleted rows and keyset pages read what a cache keyed by id cannot
        // answer whole.
        "find_by_ids" | "find_by_id_with_deleted" | "find_all_with_deleted" => Class::PassThrough,
        "find_all" | "count" => Class::List,
        "insert" | "insert_many" | "update" | "delete_by_id" | "upsert" | "restore_by_id"
        | "purge_by_id" => Class::Write,
        other if other.starts_with("upsert_by_") => Class::Write,
        other if other.ends_with("_with_deleted") => Class::PassThrough,
        other
            if other.contains("after")
                || other.contains("cursor")
                || other.contains("keyset")
                || other.contains("before") =>
        {
            Class::PassThrough
        }
        other => {
            if let Some(field) = other.strip_prefix("find_all_by_")
                && indexed.iter().any(|name| name == field)
            {
                Class::List
            } else if let Some(field) = other.strip_prefix("find_by_")
                && unique.iter().any(|name| name == field)
            {
                Class::Unique(field.to_owned())
            } else {
                return None;
            }
        }
    };
    Some(class)
}

/// The `__pact_<role>` parameter names of an impl signature, in order.
fn arg_names(signature: &TokenStream) -> Vec<Ident> {
    let Some(params) = signature.clone().into_iter().find_map(|tree| match tree {
        TokenTree::Group(group) if group.delimiter() == Delimiter::Parenthesis => {
            Some(group.stream())
        }
        _ => None,
    }) else {
        return Vec::new();
    };
    let tokens: Vec<TokenTree> = params.into_iter().collect();
    tokens
        .windows(2)
        .filter_map(|pair| match pair {
            [TokenTree::Ident(ident), TokenTree::Punct(colon)]
                if colon.as_char() == ':'
                    && colon.spacing() == Spacing::Alone
                    && ident.to_string().starts_with("__pact_") =>
            {
                Some(ident.clone())
            }
            _ => None,
        })
        .collect()
}

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
    let trait_ident = entity.trait_ident();
    let id_ty = entity.id().0.ty;

    let unique: Vec<String> = entity
        .finders()
        .filter(|(_, stored)| stored.unique)
        .map(|(field, _)| name(field))
        .collect();
    let indexed: Vec<String> = entity
        .finders()
        .filter(|(_, stored)| !stored.unique)
        .map(|(field, _)| name(field))
        .collect();
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
    let guards = guards(entity);
    let bounds = quote! {
        #guards
        for<'__pact> #ident: #p::cache::Cacheable,
        #(for<'__pact> #key_types: #p::cache::CacheKeyValue,)*
    };

    let entity_impl = cache_entity_impl(entity, &bounds);
    let items = methods(entity).into_iter().map(|method| {
        let signature = signature(&method, krate, true);
        let body = method_body(entity, &method.name, &signature, &unique, &indexed);
        quote! {
            #signature {
                #body
            }
        }
    });
    quote! {
        #p::cache_impls! {
            #entity_impl

            #[automatically_derived]
            impl #trait_ident for #p::cache::Cached<#ident>
            where
                #bounds
            {
                #(#items)*
            }
        }
    }
}

/// `CacheEntity for User`: the schema hash, the key parts, the trait object.
fn cache_entity_impl(entity: &Entity<'_>, bounds: &TokenStream) -> TokenStream {
    let krate = &entity.krate;
    let p = quote!(#krate::__private);
    let ident = entity.ident;
    let trait_ident = entity.trait_ident();
    let id_ident = entity.id().0.ident;
    let hash = schema_hash(entity);
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
            type Dyn = dyn #trait_ident;

            const SCHEMA_HASH: ::core::primitive::u64 = #hash;

            fn id_key(&self) -> #p::String {
                #p::cache::key_part(&self.#id_ident)
            }

            fn unique_keys(&self) -> #p::Vec<(&'static ::core::primitive::str, #p::String)> {
                <#p::Vec<(&'static ::core::primitive::str, #p::String)> as ::core::convert::From<_>>::from([#(#unique_parts),*])
            }

            fn into_dyn(
                __pact_cached: #p::cache::Cached<Self>,
            ) -> #p::Arc<dyn #trait_ident> {
                #p::Arc::new(__pact_cached)
            }
        }
    }
}

/// The body of one method of `impl UserRepository for Cached<User>`.
fn method_body(
    entity: &Entity<'_>,
    m: &Ident,
    signature: &TokenStream,
    unique: &[String],
    indexed: &[String],
) -> TokenStream {
    let krate = &entity.krate;
    let p = quote!(#krate::__private);
    let id_ref = param_ref(entity.id().1, &format_ident!("__pact_id"));
    let method_name = m.to_string();
    let args = arg_names(signature);
    let call = quote!(self.inner().#m(#(#args),*));
    // Reads take a closure: a hit builds no call of the backing repository.
    let fetch = quote!(move || #call);
    {
        match classify(&method_name, unique, indexed) {
            Some(Class::FindById) => quote! {
                #p::Box::pin(async move { self.cache_find(#id_ref, #fetch).await })
            },
            Some(Class::GetById) => quote! {
                #p::Box::pin(async move { self.cache_get(#id_ref, #fetch).await })
            },
            Some(Class::Exists) => quote! {
                #p::Box::pin(async move { self.cache_exists(#id_ref, #fetch).await })
            },
            Some(Class::Unique(field)) => {
                let (field, stored) = entity
                    .finders()
                    .find(|(f, _)| name(f) == field)
                    .unwrap_or_else(|| unreachable!("classify found the unique field"));
                let value = param_ref(stored, &format_ident!("__pact_value"));
                let field_name = name(field);
                quote! {
                    #p::Box::pin(async move {
                        self.cache_unique(#field_name, #value, #fetch).await
                    })
                }
            }
            Some(Class::List) => quote! {
                #p::Box::pin(async move {
                    let __pact_args = #p::cache::key_part(&(#(&#args,)*));
                    self.cache_list(#method_name, __pact_args, #fetch).await
                })
            },
            Some(Class::Write) => {
                let keys = args.iter().map(|arg| match arg.to_string().as_str() {
                    "__pact_id" => quote!(self.cache_id_keys(&#arg, &mut __pact_keys);),
                    "__pact_entity" => quote!(self.cache_entity_keys(&#arg, &mut __pact_keys);),
                    "__pact_entities" => {
                        quote!(self.cache_entities_keys(&#arg, &mut __pact_keys);)
                    }
                    _ => TokenStream::new(),
                });
                quote! {
                    #p::Box::pin(async move {
                        let mut __pact_keys = #p::Vec::new();
                        #(#keys)*
                        self.cache_write(__pact_keys, #call).await
                    })
                }
            }
            Some(Class::PassThrough) => call,
            None => {
                let message = format!(
                    "pact: `{method_name}` has no cache class (classify it in pact-derive's expand/cached.rs)"
                );
                quote!(::core::compile_error!(#message))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::internals::ctxt::Ctxt;
    use crate::repository::valid;

    fn model_methods(input: &syn::DeriveInput) -> (Vec<String>, Vec<String>, Vec<String>) {
        let mut cx = Ctxt::new();
        let entity = valid::build(input, &mut cx).expect("a valid entity");
        if let Some(errors) = cx.into_compile_errors() {
            panic!("{errors}");
        }
        let unique = entity
            .finders()
            .filter(|(_, s)| s.unique)
            .map(|(f, _)| name(f))
            .collect();
        let indexed = entity
            .finders()
            .filter(|(_, s)| !s.unique)
            .map(|(f, _)| name(f))
            .collect();
        let names = methods(&entity)
            .into_iter()
            .map(|m| m.name.to_string())
            .collect();
        (names, unique, indexed)
    }

    /// Every method the trait has (on entities with every kind of field) is classified: a
    /// method added to `methods()` fails here until the decorator knows what to do with it.
    #[test]
    fn every_generated_method_has_a_cache_class() {
        let inputs: [syn::DeriveInput; 3] = [
            syn::parse_quote! {
                #[repo(table = "users")]
                struct User {
                    #[repo(id, generated)] id: i64,
                    #[repo(unique)] email: String,
                    #[repo(unique)] handle: String,
                    #[repo(indexed)] team_id: i32,
                    #[repo(indexed)] page: i32,
                    #[repo(version)] version: i64,
                    #[repo(skip)] session: Option<String>,
                    name: String,
                }
            },
            syn::parse_quote! {
                #[repo(table = "tags", trait_name = Tags)]
                struct Tag { #[repo(id)] slug: String, #[repo(sortable)] position: i32 }
            },
            syn::parse_quote! {
                #[repo(table = "blobs")]
                struct Blob { #[repo(id)] key: Vec<u8>, #[repo(unique)] digest: Vec<u8> }
            },
        ];
        for input in &inputs {
            let (names, unique, indexed) = model_methods(input);
            for method in &names {
                assert!(
                    classify(method, &unique, &indexed).is_some(),
                    "`{method}` has no cache class: classify it in expand/cached.rs"
                );
            }
        }
    }

    #[test]
    fn classes_of_the_known_methods() {
        let unique = vec!["email".to_owned()];
        let indexed = vec!["team_id".to_owned()];
        let class = |name: &str| classify(name, &unique, &indexed);
        assert_eq!(class("find_by_email"), Some(Class::Unique("email".into())));
        assert_eq!(class("find_all_by_team_id"), Some(Class::List));
        assert_eq!(class("find_by_ids"), Some(Class::PassThrough));
        assert_eq!(class("upsert_by_email"), Some(Class::Write));
        assert_eq!(class("restore_by_id"), Some(Class::Write));
        assert_eq!(class("purge_by_id"), Some(Class::Write));
        assert_eq!(class("find_by_id_with_deleted"), Some(Class::PassThrough));
        assert_eq!(class("find_all_after"), Some(Class::PassThrough));
        assert_eq!(class("find_by_team_id"), None);
        assert_eq!(class("frobnicate"), None);
    }

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

    #[test]
    fn arg_names_are_read_from_the_signature() {
        let signature = quote! {
            fn find_all_by_team_id<'a>(&'a self, __pact_value: ::core::primitive::i32, __pact_page: ::pact::PageRequest) -> X
        };
        let names: Vec<String> = arg_names(&signature)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(names, ["__pact_value", "__pact_page"]);
    }
}
