//! `#[repo(created_at)]`, `#[repo(updated_at)]` and `#[repo(soft_delete)]`: which field types
//! they take and what they cannot be combined with.

use proc_macro2::Span;
use quote::ToTokens;
use syn::{GenericArgument, PathArguments, Type};

use super::ast::Lifecycle;
use super::attr::FieldAttrs;
use crate::internals::ctxt::Ctxt;

/// The timestamp types the repository can set (`pact_core::repository::Timestamp`).
const TYPES: &str = "`chrono::DateTime<Utc>`, `chrono::NaiveDateTime`, `time::OffsetDateTime` or `time::PrimitiveDateTime`";

/// The timestamp key of a stored field, after checking its type and the keys beside it; every
/// mistake is reported.
pub fn check(
    attrs: &FieldAttrs,
    ty: &Type,
    nullable: Option<&Type>,
    cx: &mut Ctxt,
) -> Option<Lifecycle> {
    let keys: Vec<(Lifecycle, Span)> = [
        (Lifecycle::CreatedAt, attrs.created_at),
        (Lifecycle::UpdatedAt, attrs.updated_at),
        (Lifecycle::SoftDelete, attrs.soft_delete),
    ]
    .into_iter()
    .filter_map(|(which, span)| span.map(|span| (which, span)))
    .collect();
    let (&(which, span), rest) = keys.split_first()?;
    for (other, other_span) in rest {
        cx.syn_error(syn::Error::new(
            *other_span,
            format!(
                "`{}` and `{}` cannot share a field: each is a column of its own; remove one of them",
                which.key(),
                other.key()
            ),
        ));
    }
    let with = [
        ("id", attrs.id, "the id never changes"),
        (
            "generated",
            attrs.generated,
            "the repository sets the value itself",
        ),
        ("unique", attrs.unique, "many rows may share an instant"),
        (
            "indexed",
            attrs.indexed,
            "a timestamp has no finder; mark it `sortable` to sort pages by it",
        ),
        (
            "version",
            attrs.version,
            "the version is a counter of its own",
        ),
    ];
    for (key, other, why) in with {
        if other.is_some() {
            cx.syn_error(syn::Error::new(
                span,
                format!(
                    "`{}` cannot be combined with `{key}`: {why}; remove one of them",
                    which.key()
                ),
            ));
        }
    }
    match (which, nullable) {
        (Lifecycle::SoftDelete, None) => {
            cx.error_spanned_by(
                ty,
                format!(
                    "`soft_delete` marks a deleted row with the time it was deleted and a live one with `None`: the field must be an `Option` of {TYPES}; write `Option<{}>`",
                    if supported(ty).is_ok() { text(ty) } else { "chrono::DateTime<Utc>".to_owned() }
                ),
            );
        }
        (Lifecycle::CreatedAt | Lifecycle::UpdatedAt, Some(inner)) => {
            cx.error_spanned_by(
                ty,
                format!(
                    "`{}` is set on every insert, so it cannot be an `Option`; write `{}`",
                    which.key(),
                    if supported(inner).is_ok() {
                        text(inner)
                    } else {
                        "chrono::DateTime<Utc>".to_owned()
                    }
                ),
            );
        }
        (_, inner) => {
            let inner = inner.unwrap_or(ty);
            if let Err(message) = supported(inner) {
                cx.error_spanned_by(inner, format!("`{}` {message}", which.key()));
            }
        }
    }
    Some(which)
}

/// Records the field holding `which`, or reports a second one (`fields` holds the first of
/// each key).
pub fn one_field(
    fields: &mut Vec<(Lifecycle, String)>,
    which: Lifecycle,
    attrs: &FieldAttrs,
    ident: &syn::Ident,
    cx: &mut Ctxt,
) {
    let this = ident.to_string().trim_start_matches("r#").to_owned();
    let Some((_, first)) = fields.iter().find(|(other, _)| *other == which) else {
        fields.push((which, this));
        return;
    };
    let span = match which {
        Lifecycle::CreatedAt => attrs.created_at,
        Lifecycle::UpdatedAt => attrs.updated_at,
        Lifecycle::SoftDelete => attrs.soft_delete,
    };
    cx.syn_error(syn::Error::new(
        span.unwrap_or_else(|| ident.span()),
        format!(
            "an entity has one `{0}` field, and `{first}` is it already; remove `{0}` here",
            which.key()
        ),
    ));
}

/// Whether the repository can set a value of this type; the reason when not.
fn supported(ty: &Type) -> Result<(), String> {
    let Some(segment) = last_segment(ty) else {
        return Err(format!("takes {TYPES}, not `{}`", text(ty)));
    };
    match segment.ident.to_string().as_str() {
        "NaiveDateTime" | "OffsetDateTime" | "PrimitiveDateTime" => Ok(()),
        "DateTime" => match first_type_arg(&segment.arguments).and_then(last_segment) {
            Some(zone) if zone.ident == "Utc" => Ok(()),
            _ => Err(format!(
                "takes `chrono::DateTime<Utc>`, not `{}`: the repository reads the clock in UTC; store `DateTime<Utc>` and convert when displaying",
                text(ty)
            )),
        },
        "NaiveDate" | "Date" => Err(format!(
            "needs a date and a time, and `{}` is a date alone; use {TYPES}",
            text(ty)
        )),
        _ => Err(format!("takes {TYPES}, not `{}`", text(ty))),
    }
}

fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Path(path) if path.qself.is_none() => path.path.segments.last(),
        Type::Group(group) => last_segment(&group.elem),
        Type::Paren(paren) => last_segment(&paren.elem),
        _ => None,
    }
}

fn first_type_arg(arguments: &PathArguments) -> Option<&Type> {
    let PathArguments::AngleBracketed(args) = arguments else {
        return None;
    };
    args.args.iter().find_map(|arg| match arg {
        GenericArgument::Type(ty) => Some(ty),
        _ => None,
    })
}

fn text(ty: &Type) -> String {
    let text = ty.to_token_stream().to_string();
    [
        (" < ", "<"),
        ("< ", "<"),
        (" <", "<"),
        (" >", ">"),
        (" :: ", "::"),
        (":: ", "::"),
    ]
    .iter()
    .fold(text, |text, (from, to)| text.replace(from, to))
}
