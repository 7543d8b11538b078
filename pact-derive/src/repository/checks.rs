//! Checks across the struct and its fields, once each field is read: exactly one id, distinct
//! column names (also ignoring case), finder names that do not collide, and a trait name that
//! is free.

use super::ast::{Field, Lifecycle};
use super::attr::ContainerAttrs;
use crate::internals::ctxt::Ctxt;

/// Names of pact's own repository types: a trait named like one of them could not be used
/// beside it (`use pact::MemoryRepository` and a `Memory` entity's trait collide).
const PACT_TYPES: &[&str] = &[
    "MemoryRepository",
    "SqlRepository",
    "SqliteRepository",
    "PgRepository",
    "MySqlRepository",
];

/// `trait_name = ...`, else `<Entity>Repository`; `true` beside it when that name is taken (by
/// one of pact's types, or the struct).
pub fn trait_ident(
    container: &ContainerAttrs,
    ident: &syn::Ident,
    cx: &mut Ctxt,
) -> (syn::Ident, bool) {
    if let Some(name) = &container.trait_name {
        let taken = is_pact_type(name) || name == ident;
        if is_pact_type(name) {
            cx.error_spanned_by(
                name,
                format!("`{name}` is the name of pact's own `{name}`; choose another trait name, such as `{ident}Store`"),
            );
        } else if name == ident {
            cx.error_spanned_by(
                name,
                format!("the trait cannot be named like the struct; choose another name, such as `{ident}Repository`"),
            );
        }
        return (name.clone(), taken);
    }
    let default = quote::format_ident!("{}Repository", ident);
    let taken = is_pact_type(&default);
    // A broken `#[repo(...)]` on the struct may hold the `trait_name` meant.
    if taken && !container.broken {
        cx.error_spanned_by(
            ident,
            format!(
                "the repository trait of `{ident}` would be named `{default}`, like pact's own `{default}`, and the two could not be imported together; name the trait: `#[repo(trait_name = {ident}Store)]`"
            ),
        );
    }
    (default, taken)
}

/// Whether `ident` names one of pact's repository types.
fn is_pact_type(ident: &syn::Ident) -> bool {
    PACT_TYPES.iter().any(|pact| ident == pact)
}

pub fn one_id(ident: &syn::Ident, fields: &[Field<'_>], id_reported: bool, cx: &mut Ctxt) {
    let ids: Vec<&Field<'_>> = fields
        .iter()
        .filter(|field| field.stored.as_ref().is_some_and(|stored| stored.id))
        .collect();
    match ids.as_slice() {
        [] if id_reported => {}
        [] => {
            if let Some(field) = fields.iter().find(|field| field.ident == "id") {
                cx.error_spanned_by(
                    field.ident,
                    "no field is the id; mark this one with `#[repo(id)]`, or `#[repo(id, generated)]` when the database assigns it",
                );
            } else {
                cx.error_spanned_by(
                    ident,
                    "no field is the id; mark the primary key with `#[repo(id)]`",
                );
            }
        }
        [_] => {}
        [_, rest @ ..] => {
            for field in rest {
                cx.error_spanned_by(
                    field.ident,
                    "a second `#[repo(id)]`; an entity has one id (composite keys are not supported)",
                );
            }
        }
    }
}

/// The most stored fields an entity has: pact-core's `SqlRow` covers tuples of 16 columns and a
/// `Wide` of up to 16 of them.
pub const MAX_STORED: usize = 256;

pub fn columns(fields: &[Field<'_>], cx: &mut Ctxt) {
    if let Some(field) = fields
        .iter()
        .filter(|field| field.stored.is_some())
        .nth(MAX_STORED)
    {
        cx.error_spanned_by(
            field.ident,
            format!(
                "an entity stores at most {MAX_STORED} fields; mark the others `#[repo(skip)]` or split the table"
            ),
        );
    }
    for (i, field) in fields.iter().enumerate() {
        if field.stored.is_none() {
            continue;
        }
        let taken = fields[..i].iter().find(|other| {
            other.stored.is_some() && other.column.eq_ignore_ascii_case(&field.column)
        });
        match taken {
            Some(other) if other.column == field.column => cx.error_spanned_by(
                field.ident,
                format!(
                    "two fields are stored in column `{}`; rename one with `column = \"...\"`",
                    field.column
                ),
            ),
            Some(other) => cx.error_spanned_by(
                field.ident,
                format!(
                    "columns `{}` (field `{}`) and `{}` differ only in case, and SQLite and MySQL treat them as one column; rename one with `column = \"...\"`",
                    other.column,
                    name(other),
                    field.column,
                ),
            ),
            None => {}
        }
    }
}

/// A unique field named `id` beside another id would need a second `find_by_id`, one named
/// `ids` a second `find_by_ids`, an indexed one named `cursor` a second
/// `find_all_by_cursor`, a unique one named `id_with_deleted` (with soft delete) a second
/// `find_by_id_with_deleted`; `false` then.
pub fn finder_names(fields: &[Field<'_>], cx: &mut Ctxt) -> bool {
    let mut ok = true;
    let soft_delete = fields.iter().any(|field| {
        field
            .stored
            .as_ref()
            .is_some_and(|stored| stored.lifecycle == Some(Lifecycle::SoftDelete))
    });
    for field in fields {
        let Some(stored) = &field.stored else {
            continue;
        };
        if soft_delete && stored.unique && name(field) == "id_with_deleted" {
            cx.error_spanned_by(
                field.ident,
                "a unique field named `id_with_deleted` would need a second `find_by_id_with_deleted` beside the one `#[repo(soft_delete)]` adds; rename the field (`#[repo(unique, column = \"id_with_deleted\")]` keeps its column)",
            );
            ok = false;
        }
        if stored.unique && !stored.id && name(field) == "id" {
            cx.error_spanned_by(
                field.ident,
                "a unique field named `id` would need a second `find_by_id` beside the id's; make it the id with `#[repo(id)]`, or rename the field (`#[repo(unique, column = \"id\")]` keeps its column)",
            );
            ok = false;
        }
        if stored.indexed && name(field) == "cursor" {
            cx.error_spanned_by(
                field.ident,
                "an indexed field named `cursor` would need a `find_all_by_cursor` beside the one that reads keyset pages; rename the field (`#[repo(indexed, column = \"cursor\")]` keeps its column)",
            );
            ok = false;
        }
        if stored.unique && name(field) == "ids" {
            cx.error_spanned_by(
                field.ident,
                "a unique field named `ids` would need a `find_by_ids` beside the one that reads rows by their ids; rename the field (`#[repo(unique, column = \"ids\")]` keeps its column)",
            );
            ok = false;
        }
    }
    ok
}

fn name(field: &Field<'_>) -> String {
    field.ident.to_string().trim_start_matches("r#").to_owned()
}
