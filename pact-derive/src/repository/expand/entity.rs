//! `impl Entity`: table, columns (with the operations on each one's values, by type),
//! per-dialect statements, id and field access. What `MemoryRepository` and the checks before
//! a write do with the values are pact-core's provided methods over these.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::{default_value, name};
use crate::repository::ast::{Entity, Field, Stored};
use crate::repository::sql::{self, Dialect};
use crate::repository::types::{self, Kind};

pub(super) fn entity_impl(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let p = quote!(#krate::__private);
    let ident = entity.ident;
    let entity_name = ident.to_string();
    let table = &entity.table;
    let (id_field, id) = entity.id();
    let id_ident = id_field.ident;
    let id_ty = id_field.ty;
    let id_index = id.index;
    let columns = entity.stored().map(|(field, stored)| {
        let column = &field.column;
        let field_name = name(field);
        let mut flags = TokenStream::new();
        for (on, flag) in [
            (stored.id, "id"),
            (stored.generated, "generated"),
            (stored.unique, "unique"),
            (stored.indexed, "indexed"),
            (stored.sortable && !stored.id, "sortable"),
            (stored.nullable, "nullable"),
        ] {
            if on {
                let flag = format_ident!("{flag}");
                flags.extend(quote!(.#flag()));
            }
        }
        if let Some(max) = types::max_len(stored.kind, &stored.sql_types[2]) {
            flags.extend(quote!(.max_len(#max)));
        }
        if let Some(key) = key_name(entity, field, stored) {
            flags.extend(quote!(.key(#key)));
        }
        flags.extend(column_ops(field, stored));
        quote!(#p::Column::new(#column, #field_name) #flags)
    });
    // The trait's default is the first column.
    let id_column =
        (id_index != 0).then(|| quote!(const ID_COLUMN: ::core::primitive::usize = #id_index;));
    let max_page = entity
        .max_page_size
        .map(|max| quote!(const MAX_PAGE_SIZE: ::core::primitive::u32 = #max;));
    let set_id = if id.generated {
        if matches!(id.kind, Kind::Int("i64")) {
            quote!(self.#id_ident = __pact_id;)
        } else {
            quote!(self.#id_ident = #p::convert_id::<#id_ty>(__pact_id)?;)
        }
    } else {
        quote!(let _ = __pact_id;)
    };
    // In `Dialect::ALL` order, as the runtime indexes them.
    let dialects = Dialect::ALL.map(|d| sql::statements(entity, d).encode());
    let version = version_support(entity, &p);
    let lifecycle = super::lifecycle::entity_support(entity, &p);
    let keep_id = super::lifecycle::keep_id(entity);
    // On the struct's name: a struct that is not `Clone + Send + Sync` is reported there.
    let impl_token = quote_spanned!(ident.span()=> impl);
    let entity_trait = crate::internals::span::respan(&quote!(#p::Entity), ident.span());
    let clear_transient = clear_transient(entity);
    let field = field_access(entity);
    let value_field = super::finders::value_field(entity, &p);
    let finders = super::finders::entity_support(entity);
    let stored = super::binding::stored_items(entity, &p);
    let keys = super::keyset::key_items(entity, &p);
    let trait_object = super::impls::dyn_items(entity, &p);
    quote! {
        #[automatically_derived]
        #impl_token #entity_trait for #ident {
            type Id = #id_ty;
            #finders
            const NAME: &'static ::core::primitive::str = #entity_name;
            const TABLE: &'static ::core::primitive::str = #table;
            const COLUMNS: &'static [#p::Column] = &[#(#columns),*];
            #id_column
            #max_page

            #[inline]
            fn id(&self) -> &Self::Id {
                &self.#id_ident
            }

            #[inline]
            fn set_generated_id(&mut self, __pact_id: ::core::primitive::i64) -> ::core::result::Result<(), #p::RepoError> {
                #set_id
                ::core::result::Result::Ok(())
            }

            const SQL: [&'static ::core::primitive::str; 3] = [#(#dialects),*];

            #version

            #lifecycle

            #field

            #value_field

            #keep_id

            #clear_transient

            #stored

            #keys

            #trait_object
        }
    }
}

/// `VERSION_COLUMN`, `version` and `set_version` for an entity with a `#[repo(version)]`
/// field; nothing otherwise (the trait's defaults say "no version").
fn version_support(entity: &Entity<'_>, p: &TokenStream) -> Option<TokenStream> {
    let (field, stored) = entity.version()?;
    let f = field.ident;
    let ty = field.ty;
    let index = stored.index;
    let (get, set) = if matches!(stored.kind, Kind::Int("i64")) {
        (quote!(self.#f), quote!(self.#f = __pact_version;))
    } else {
        (
            quote!(::core::convert::From::from(self.#f)),
            quote!(self.#f = #p::convert_id::<#ty>(__pact_version)?;),
        )
    };
    Some(quote! {
        const VERSION_COLUMN: ::core::option::Option<::core::primitive::usize> =
            ::core::option::Option::Some(#index);

        #[inline]
        fn version(&self) -> ::core::primitive::i64 {
            #get
        }

        #[inline]
        fn set_version(&mut self, __pact_version: ::core::primitive::i64) -> ::core::result::Result<(), #p::RepoError> {
            #set
            ::core::result::Result::Ok(())
        }
    })
}

/// The constraint or index a backend names on a violation of this column.
fn key_name(entity: &Entity<'_>, field: &Field<'_>, stored: &Stored) -> Option<String> {
    if stored.id {
        Some(sql::primary_key(&entity.table))
    } else if stored.unique {
        Some(sql::unique_key(&entity.table, &field.column))
    } else if stored.indexed {
        Some(sql::index_key(&entity.table, &field.column))
    } else {
        None
    }
}

/// What the runtime does with the column's values, by the field's type: checks before a
/// write (text, bytes, floats), hashing (unique), equality (indexed) and order (sortable).
/// Spanned on the type, so a type without `Hash` or `PartialOrd` is reported there.
fn column_ops(field: &Field<'_>, stored: &Stored) -> TokenStream {
    let ty = field.ty;
    let mut ops = TokenStream::new();
    if matches!(stored.kind, Kind::Text | Kind::Bytes | Kind::Float(_)) {
        ops.extend(quote_spanned!(ty.span()=> .checked::<#ty>()));
    }
    if stored.unique {
        ops.extend(quote_spanned!(ty.span()=> .hashed::<#ty>()));
    } else if stored.indexed {
        ops.extend(quote_spanned!(ty.span()=> .compared::<#ty>()));
    }
    // The id is ordered as `Entity::Id` (`Ord`), so its type is checked once, as the id.
    if stored.sortable && !stored.id {
        ops.extend(quote_spanned!(ty.span()=> .ordered::<#ty>()));
    }
    ops
}

/// `Entity::field`: each stored field by column, as its own type.
fn field_access(entity: &Entity<'_>) -> TokenStream {
    let arms = entity.stored().map(|(field, stored)| {
        let f = field.ident;
        let index = stored.index;
        quote!(#index => &self.#f,)
    });
    quote! {
        #[inline]
        fn field(&self, __pact_column: ::core::primitive::usize) -> &dyn ::core::any::Any {
            match __pact_column {
                #(#arms)*
                _ => &(),
            }
        }
    }
}

/// `clear_transient`: the fields that are not stored reset to their defaults, as a database
/// round trip would; nothing when every field is stored.
fn clear_transient(entity: &Entity<'_>) -> Option<TokenStream> {
    let transient: Vec<TokenStream> = entity
        .fields
        .iter()
        .filter(|field| field.stored.is_none())
        .map(|field| {
            let f = field.ident;
            let value = default_value(field);
            quote!(self.#f = #value;)
        })
        .collect();
    (!transient.is_empty()).then(|| {
        quote! {
            #[inline]
            fn clear_transient(&mut self) {
                #(#transient)*
            }
        }
    })
}
