//! What `#[repo(created_at)]`, `#[repo(updated_at)]` and `#[repo(soft_delete)]` add to the
//! expansion: the `Entity` methods that stamp and mark rows, the binding of a deletion's
//! time, the `SoftDelete` statements, and the trait methods that see, restore and purge
//! deleted rows (whose provided bodies call `Backend`).

use std::fmt::Write as _;

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::methods::{Method, param};
use super::name;
use crate::repository::ast::{Entity, Field, Lifecycle, Stored};
use crate::repository::types;

/// The targets of `upsert` (an id the application chooses) and `upsert_by_<field>` (each
/// unique field), with their method names.
fn upsert_targets<'e>(entity: &'e Entity<'_>) -> Vec<(String, &'e Field<'e>, &'e Stored)> {
    entity
        .stored()
        .filter(|(_, stored)| (stored.id && !stored.generated) || stored.unique)
        .map(|(field, stored)| {
            let method = if stored.id {
                "upsert".to_owned()
            } else {
                format!("upsert_by_{}", name(field))
            };
            (method, field, stored)
        })
        .collect()
}

/// The column an upsert method targets.
pub(super) fn upsert_column(entity: &Entity<'_>, method: &str) -> Option<usize> {
    upsert_targets(entity)
        .into_iter()
        .find(|(name, _, _)| name == method)
        .map(|(_, _, stored)| stored.index)
}

/// `Entity::keep_id` for an entity with a unique field: an upsert on it keeps the stored id.
pub(super) fn keep_id(entity: &Entity<'_>) -> Option<TokenStream> {
    entity.stored().any(|(_, stored)| stored.unique).then(|| {
        let (id_field, _) = entity.id();
        let f = id_field.ident;
        quote! {
            #[inline]
            fn keep_id(&mut self, __pact_stored: &Self) {
                self.#f = ::core::clone::Clone::clone(&__pact_stored.#f);
            }
        }
    })
}

/// `CREATED_AT_COLUMN`, `UPDATED_AT_COLUMN`, `SOFT_DELETE_COLUMN` and the methods that set
/// them; nothing when the entity has none of the keys.
pub(super) fn entity_support(entity: &Entity<'_>, p: &TokenStream) -> Option<TokenStream> {
    let created = entity.lifecycle(Lifecycle::CreatedAt);
    let updated = entity.lifecycle(Lifecycle::UpdatedAt);
    let deleted = entity.lifecycle(Lifecycle::SoftDelete);
    if created.is_none() && updated.is_none() && deleted.is_none() {
        return None;
    }
    let column = |field: Option<(&Field<'_>, &Stored)>| {
        field.map_or_else(
            || quote!(::core::option::Option::None),
            |(_, stored)| {
                let index = stored.index;
                quote!(::core::option::Option::Some(#index))
            },
        )
    };
    let (created_column, updated_column, deleted_column) =
        (column(created), column(updated), column(deleted));
    // Spanned on the field's type: a type that is not a `Timestamp` is reported there.
    let now = |field: &Field<'_>, ty: &syn::Type| quote_spanned!(field.ty.span()=> #p::timestamp::<#ty>(__pact_now)?);
    let set_created = created.map(|(field, _)| {
        let f = field.ident;
        let value = now(field, field.ty);
        quote! {
            if ::core::matches!(__pact_write, #p::Stamp::Insert) {
                self.#f = #value;
            }
        }
    });
    let set_updated = updated.map(|(field, _)| {
        let f = field.ident;
        let value = now(field, field.ty);
        quote!(self.#f = #value;)
    });
    let clear_deleted = deleted.map(|(field, _)| {
        let f = field.ident;
        quote!(self.#f = ::core::option::Option::None;)
    });
    let keep_created = created.map(|(field, _)| {
        let f = field.ident;
        quote! {
            #[inline]
            fn keep_created(&mut self, __pact_stored: &Self) {
                self.#f = ::core::clone::Clone::clone(&__pact_stored.#f);
            }
        }
    });
    let deleted_methods = deleted.map(|(field, _)| {
        let f = field.ident;
        let inner = types::option_inner(field.ty).unwrap_or(field.ty);
        let value = now(field, inner);
        quote! {
            #[inline]
            fn is_deleted(&self) -> ::core::primitive::bool {
                ::core::option::Option::is_some(&self.#f)
            }

            #[inline]
            fn set_deleted(
                &mut self,
                __pact_at: ::core::option::Option<::core::primitive::i64>,
            ) -> ::core::result::Result<(), #p::RepoError> {
                self.#f = match __pact_at {
                    ::core::option::Option::Some(__pact_now) => ::core::option::Option::Some(#value),
                    ::core::option::Option::None => ::core::option::Option::None,
                };
                ::core::result::Result::Ok(())
            }
        }
    });
    Some(quote! {
        const CREATED_AT_COLUMN: ::core::option::Option<::core::primitive::usize> = #created_column;
        const UPDATED_AT_COLUMN: ::core::option::Option<::core::primitive::usize> = #updated_column;
        const SOFT_DELETE_COLUMN: ::core::option::Option<::core::primitive::usize> = #deleted_column;

        #[inline]
        fn stamp(
            &mut self,
            __pact_write: #p::Stamp,
            __pact_now: ::core::primitive::i64,
        ) -> ::core::result::Result<(), #p::RepoError> {
            let _ = (__pact_write, __pact_now);
            #set_created
            #set_updated
            #clear_deleted
            ::core::result::Result::Ok(())
        }

        #keep_created

        #deleted_methods
    })
}

/// The trait's upserts (the soft-delete methods are `Backend`'s, for every
/// [`soft_deletable`] entity).
pub(super) fn methods(entity: &Entity<'_>) -> Vec<Method> {
    upsert_methods(entity)
}

/// `impl SoftDeletable for <Entity>` of a `soft_delete` entity: what `Backend::restore_by_id`,
/// `purge_by_id` and the `_with_deleted` reads need.
pub(super) fn soft_deletable(entity: &Entity<'_>) -> Option<TokenStream> {
    entity.lifecycle(Lifecycle::SoftDelete)?;
    let krate = &entity.krate;
    let ident = entity.ident;
    Some(quote! {
        #[automatically_derived]
        impl #krate::__private::SoftDeletable for #ident {}
    })
}

fn upsert_methods(entity: &Entity<'_>) -> Vec<Method> {
    let krate = &entity.krate;
    let ident = entity.ident;
    let result = quote!(::core::result::Result<#ident, #krate::RepoError>);
    let mut extra = String::new();
    if let Some((field, _)) = entity.version() {
        let _ = write!(
            extra,
            " An update adds 1 to the stored `{}` without checking the given one (an insert stores 1).",
            name(field)
        );
    }
    if let Some((field, _)) = entity.lifecycle(Lifecycle::CreatedAt) {
        let _ = write!(extra, " An update keeps the stored `{}`.", name(field));
    }
    if let Some((field, _)) = entity.lifecycle(Lifecycle::SoftDelete) {
        let _ = write!(
            extra,
            " A soft-deleted row that holds the value is updated and restored (`{}` cleared).",
            name(field)
        );
    }
    upsert_targets(entity)
        .into_iter()
        .map(|(method, field, stored)| {
            let what = if stored.id {
                "this id".to_owned()
            } else {
                format!("this `{}`", name(field))
            };
            let keeps = if stored.id { "" } else { " (keeping its id)" };
            Method::new(
                format_ident!("{method}"),
                vec![param("entity", "entity", quote!(#ident))],
                result.clone(),
                format!(
                    "Inserts the `{ident}`, or, when a row with {what} is stored, updates that row{keeps}; returns the stored row. One statement: `INSERT ... ON CONFLICT DO UPDATE` (SQLite, PostgreSQL) or `INSERT ... ON DUPLICATE KEY UPDATE` (MySQL). Another unique field taken by another row is `RepoError::Conflict` (409) on every backend.{extra}"
                ),
            )
        })
        .collect()
}
