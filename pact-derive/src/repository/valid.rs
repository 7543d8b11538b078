//! Checks the parsed attributes against each other and the struct, and builds the model.
//! Every problem is recorded; the model is still returned when the struct's shape allows, so
//! the fallback impl can stand in.

use proc_macro2::Span;
use quote::ToTokens;
use syn::visit::Visit;
use syn::{Data, DeriveInput, Fields, FieldsNamed, LitStr};

use super::ast::{Entity, Field, Stored};
use super::attr::{self, ContainerAttrs, FieldAttrs};
use super::types::{self, Kind};
use super::{checks, lifecycle, names, sql_type};
use crate::internals::case;
use crate::internals::crate_path;
use crate::internals::ctxt::Ctxt;

pub fn build<'a>(input: &'a DeriveInput, cx: &mut Ctxt) -> Option<Entity<'a>> {
    let container = attr::container(&input.attrs, cx);
    let named = named_fields(input, cx);
    let generic = !input.generics.params.is_empty();
    if generic {
        cx.error_spanned_by(
            &input.generics,
            "an entity cannot be generic: its table and columns are fixed at compile time",
        );
    }
    let table = table(&container, &input.ident, cx);
    let max_page_size =
        container
            .max_page_size
            .as_ref()
            .and_then(|lit| match lit.base10_parse::<u32>() {
                Ok(0) => {
                    cx.error_spanned_by(lit, "`max_page_size` must be at least 1");
                    None
                }
                Ok(n) => Some(n),
                Err(err) => {
                    cx.syn_error(err);
                    None
                }
            });
    let (trait_ident, mut trait_in_error) = checks::trait_ident(&container, &input.ident, cx);
    let named = named?;
    let mut fields = Vec::new();
    let mut index = 0;
    // Set when the id may be among the reported mistakes (a broken `#[repo(...)]`, or `id`
    // with `skip`), so a missing id is not reported on top.
    let mut id_reported = false;
    let mut version_field: Option<String> = None;
    // The field holding each timestamp key (`created_at`, `updated_at`, `soft_delete`).
    let mut lifecycle_fields: Vec<(super::ast::Lifecycle, String)> = Vec::new();
    for field in &named.named {
        let ident = field.ident.as_ref()?;
        let attrs = attr::field(&field.attrs, cx);
        id_reported |= attrs.broken || (attrs.id.is_some() && attrs.skip.is_some());
        let column = if let Some(lit) = &attrs.column {
            if let Err(message) = names::check_column(&lit.value()) {
                cx.error_spanned_by(lit, message);
            }
            lit.value()
        } else {
            let column = ident.to_string().trim_start_matches("r#").to_owned();
            if attrs.skip.is_none()
                && let Err(message) = names::check_column(&column)
            {
                let hint = if message.contains("#[repo(column") {
                    ""
                } else {
                    "; name the column with `#[repo(column = \"...\")]`"
                };
                cx.error_spanned_by(ident, format!("{message}{hint}"));
            }
            column
        };
        if let Some(span) = attrs.version {
            match &version_field {
                Some(first) => cx.syn_error(syn::Error::new(
                    span,
                    format!("an entity has one version field, and `{first}` is it already; remove `version` here"),
                )),
                None => version_field = Some(ident.to_string().trim_start_matches("r#").to_owned()),
            }
        }
        let stored = stored(&attrs, &field.ty, index, cx);
        if let Some(which) = stored.as_ref().and_then(|stored| stored.lifecycle) {
            lifecycle::one_field(&mut lifecycle_fields, which, &attrs, ident, cx);
        }
        if stored.is_some() {
            index += 1;
        }
        fields.push(Field {
            ident,
            ty: &field.ty,
            column,
            stored,
            default: attrs.default,
        });
    }
    checks::columns(&fields, cx);
    trait_in_error |= !checks::finder_names(&fields, cx);
    checks::one_id(&input.ident, &fields, id_reported, cx);
    if generic {
        // The fallback trait would name the entity without its parameters.
        return None;
    }
    Some(Entity {
        ident: &input.ident,
        vis: &input.vis,
        krate: crate_path::or_default(container.krate),
        table,
        max_page_size,
        trait_ident,
        trait_in_error,
        fields,
    })
}

/// The fields of a struct with named fields; any other shape is an error.
fn named_fields<'a>(input: &'a DeriveInput, cx: &mut Ctxt) -> Option<&'a FieldsNamed> {
    match &input.data {
        Data::Struct(data) => {
            if let Fields::Named(named) = &data.fields {
                Some(named)
            } else {
                cx.error_spanned_by(
                    &input.ident,
                    "`#[derive(Repository)]` needs a struct with named fields: each field is a column",
                );
                None
            }
        }
        Data::Enum(data) => {
            cx.error_spanned_by(
                data.enum_token,
                "`#[derive(Repository)]` stores structs; an enum cannot be a table row",
            );
            None
        }
        Data::Union(data) => {
            cx.error_spanned_by(
                data.union_token,
                "`#[derive(Repository)]` stores structs, not unions",
            );
            None
        }
    }
}

/// The checked table name; when it is missing, the suggested one, so the fallback can expand.
fn table(container: &ContainerAttrs, ident: &syn::Ident, cx: &mut Ctxt) -> String {
    if let Some(lit) = &container.table {
        if let Err(message) = names::check_table(&lit.value()) {
            cx.error_spanned_by(lit, message);
        }
        return lit.value();
    }
    let suggestion = format!("{}s", case::snake_case(&ident.to_string()));
    // A broken `#[repo(...)]` on the struct is reported already, and may hold the table.
    if !container.broken {
        cx.error_spanned_by(
            ident,
            format!("missing the table name: add `#[repo(table = \"{suggestion}\")]`"),
        );
    }
    suggestion
}

/// The persisted part of a field, after checking its flags against each other and its type.
fn stored(attrs: &FieldAttrs, ty: &syn::Type, index: usize, cx: &mut Ctxt) -> Option<Stored> {
    if attrs.skip.is_some() {
        check_skipped(attrs, cx);
        return None;
    }
    if let Some(default) = &attrs.default {
        cx.error_spanned_by(
            default,
            "`default` gives a value to a field that is not stored; add `skip` or remove `default`",
        );
    }
    let nullable = types::option_inner(ty);
    let kind = types::kind(nullable.unwrap_or(ty));
    let key = attrs.id.is_some() || attrs.unique.is_some() || attrs.indexed.is_some();
    // A borrowed type or a tuple cannot be decoded from one column; nothing else about it is
    // worth reporting.
    let borrowed = borrowed(ty, cx) || tuple(nullable.unwrap_or(ty), cx);
    if let (Kind::Float(float), false) = (kind, borrowed) {
        for (key, span, why) in [
            ("id", attrs.id, "an id"),
            ("unique", attrs.unique, "a unique column"),
        ] {
            if let Some(span) = span {
                cx.syn_error(syn::Error::new(
                    span,
                    format!(
                        "`{float}` cannot be {why}: floats have no total equality (`NaN != NaN`) and no hash; use an integer, a `String` or a `Uuid`, or remove `{key}`"
                    ),
                ));
            }
        }
    }
    if attrs.id.is_some() {
        redundant(attrs.unique, "unique", "an id is unique already", cx);
        redundant(attrs.indexed, "indexed", "an id is indexed already", cx);
        redundant(attrs.sortable, "sortable", "an id is sortable already", cx);
        // A float id is reported above, with a suggestion that also drops the `Option`.
        if let (Some(inner), false) = (nullable, matches!(kind, Kind::Float(_))) {
            cx.error_spanned_by(
                ty,
                format!(
                    "an id cannot be an `Option`: every row has one; use `{}`{}",
                    type_text(inner),
                    if attrs.generated.is_some() {
                        " (a `generated` id is assigned on insert, whatever it holds before)"
                    } else {
                        ""
                    },
                ),
            );
        }
    } else if let (Some(generated), None) = (attrs.generated, attrs.version) {
        cx.syn_error(syn::Error::new(
            generated,
            "only the id can be `generated`; add `id` or remove `generated`",
        ));
    }
    if attrs.generated.is_some() && attrs.id.is_some() && !matches!(kind, Kind::Int(_)) {
        cx.error_spanned_by(
            ty,
            "a `generated` id must be an integer (`i64`, `i32`, ...); a `String` or `Uuid` id is chosen by the application, so remove `generated`",
        );
    }
    check_redundant_keys(attrs, cx);
    check_generated_id(attrs, kind, cx);
    check_version(attrs, ty, kind, nullable.is_some(), cx);
    let lifecycle = lifecycle::check(attrs, ty, nullable, cx);
    for (key, span) in [("unique", attrs.unique), ("indexed", attrs.indexed)] {
        if let (Some(span), Some(_)) = (span, nullable) {
            cx.syn_error(syn::Error::new(
                span,
                format!("`{key}` on an `Option` field is not supported: SQL and memory disagree on NULL keys"),
            ));
        }
    }
    let sql_types = if borrowed {
        [String::new(), String::new(), String::new()]
    } else {
        sql_types(
            attrs.sql_type.as_ref(),
            kind.sql(key),
            nullable.unwrap_or(ty),
            cx,
        )
    };
    Some(Stored {
        index,
        id: attrs.id.is_some(),
        generated: attrs.generated.is_some() && attrs.id.is_some(),
        unique: attrs.unique.is_some(),
        indexed: attrs.indexed.is_some(),
        sortable: attrs.sortable.is_some() || key,
        version: attrs.version.is_some() && attrs.id.is_none(),
        lifecycle: lifecycle.filter(|_| attrs.id.is_none()),
        nullable: nullable.is_some(),
        kind,
        sql_types,
    })
}

/// Keys a unique or indexed column has already.
fn check_redundant_keys(attrs: &FieldAttrs, cx: &mut Ctxt) {
    if attrs.unique.is_some() {
        redundant(
            attrs.indexed,
            "indexed",
            "a unique column is indexed already",
            cx,
        );
        redundant(
            attrs.sortable,
            "sortable",
            "a unique column is sortable already",
            cx,
        );
    } else if attrs.indexed.is_some() {
        redundant(
            attrs.sortable,
            "sortable",
            "an indexed column is sortable already",
            cx,
        );
    }
}

/// The integer types a `#[repo(version)]` field may have: each fits an `i64` and every
/// backend's integer column; `i8`/`u8` would wrap after a few hundred updates, and `u64` is
/// `NUMERIC(20)` in PostgreSQL.
const VERSION_TYPES: &[&str] = &["i16", "i32", "i64", "u16", "u32"];

/// What a `#[repo(version)]` field cannot be or be combined with.
fn check_version(attrs: &FieldAttrs, ty: &syn::Type, kind: Kind, nullable: bool, cx: &mut Ctxt) {
    let Some(span) = attrs.version else {
        return;
    };
    let with = [
        (
            "id",
            attrs.id,
            "the id names the row and never changes; count versions in a field of their own",
        ),
        (
            "generated",
            attrs.generated,
            "the repository sets the version itself",
        ),
        ("unique", attrs.unique, "many rows share a version"),
        ("indexed", attrs.indexed, "a version is not a lookup key"),
    ];
    for (key, other, why) in with {
        if other.is_some() {
            cx.syn_error(syn::Error::new(
                span,
                format!("`version` cannot be combined with `{key}`: {why}; remove one of them"),
            ));
        }
    }
    let fits = matches!(kind, Kind::Int(name) if VERSION_TYPES.contains(&name));
    if nullable {
        cx.error_spanned_by(
            ty,
            "a version cannot be an `Option`: every row has one (the first is 1); use `i64`",
        );
    } else if !fits {
        let what = match kind {
            Kind::Int("u64") => {
                "`u64` is `NUMERIC(20)` in PostgreSQL, not an integer column".to_owned()
            }
            Kind::Int(name) => format!("`{name}` would wrap after a few hundred updates"),
            _ => format!("`{}` is not an integer", type_text(ty)),
        };
        cx.error_spanned_by(
            ty,
            format!("a `version` field counts updates: {what}; use `i64` (or `i32`, `i16`, `u32`, `u16`)"),
        );
    }
}

/// What a `generated` id's type and column type cannot be.
fn check_generated_id(attrs: &FieldAttrs, kind: Kind, cx: &mut Ctxt) {
    if let (Some(_), Some(generated), Kind::Int("u64")) = (attrs.id, attrs.generated, kind) {
        cx.syn_error(syn::Error::new(
            generated,
            "a `generated` id cannot be a `u64`: PostgreSQL stores `u64` as NUMERIC(20), which cannot be an identity column, and generated ids never pass `i64::MAX`; use `i64`",
        ));
    }
    if let (Some(_), Some(_), Some(lit)) = (attrs.id, attrs.generated, &attrs.sql_type) {
        cx.error_spanned_by(
            lit,
            "a `generated` id's column type follows its integer type (an identity or auto-increment column); remove `sql_type`",
        );
    }
}

/// A skipped field has no column: the keys about one are mistakes.
fn check_skipped(attrs: &FieldAttrs, cx: &mut Ctxt) {
    let conflicts = [
        ("id", attrs.id),
        ("generated", attrs.generated),
        ("unique", attrs.unique),
        ("indexed", attrs.indexed),
        ("sortable", attrs.sortable),
        ("version", attrs.version),
        ("created_at", attrs.created_at),
        ("updated_at", attrs.updated_at),
        ("soft_delete", attrs.soft_delete),
    ];
    for (key, span) in conflicts {
        if let Some(span) = span {
            cx.syn_error(syn::Error::new(
                span,
                format!("`{key}` needs a stored column, but this field has `skip`"),
            ));
        }
    }
    if let Some(lit) = &attrs.column {
        cx.error_spanned_by(lit, "a field with `skip` has no column to name");
    }
    if let Some(lit) = &attrs.sql_type {
        cx.error_spanned_by(lit, "a field with `skip` has no column type");
    }
}

/// The column types per dialect: the user's `sql_type` (checked to be a plain type), else the
/// one `kind` maps to; `ty` (without `Option`) is what an unknown type is reported on.
fn sql_types(
    sql_type: Option<&LitStr>,
    known: Option<[&'static str; 3]>,
    ty: &syn::Type,
    cx: &mut Ctxt,
) -> [String; 3] {
    match (sql_type, known) {
        (Some(lit), _) => {
            let value = lit.value();
            if let Err(message) = sql_type::check(&value) {
                cx.error_spanned_by(lit, message);
            }
            [value.clone(), value.clone(), value]
        }
        (None, Some(types)) => types.map(str::to_owned),
        (None, None) => {
            cx.error_spanned_by(
                ty,
                format!(
                    "cannot choose a column type for `{}`; name it: `#[repo(sql_type = \"TEXT\")]`{}",
                    type_text(ty),
                    alias_hint(ty),
                ),
            );
            [String::new(), String::new(), String::new()]
        }
    }
}

/// Reports a reference or a borrowing type (`&'a str`, `Cow<'a, str>`) in a stored field: a row
/// is decoded into owned values. `true` when there is one.
fn borrowed(ty: &syn::Type, cx: &mut Ctxt) -> bool {
    struct Find<'t>(Option<&'t syn::Type>, Option<&'t syn::Lifetime>);
    impl<'t> Visit<'t> for Find<'t> {
        fn visit_type_reference(&mut self, reference: &'t syn::TypeReference) {
            if self.0.is_none() {
                self.0 = Some(&reference.elem);
            }
        }
        fn visit_lifetime(&mut self, lifetime: &'t syn::Lifetime) {
            if self.1.is_none() {
                self.1 = Some(lifetime);
            }
        }
    }
    let mut find = Find(None, None);
    find.visit_type(ty);
    let owned = match find {
        Find(Some(elem), _) => match elem {
            syn::Type::Path(path) if path.path.is_ident("str") => "String".to_owned(),
            syn::Type::Slice(slice) => format!("Vec<{}>", type_text(&slice.elem)),
            other => type_text(other),
        },
        Find(None, Some(_)) => "an owned type such as `String`".to_owned(),
        Find(None, None) => return false,
    };
    let owned = if owned.starts_with("an ") {
        owned
    } else {
        format!("`{owned}`")
    };
    cx.error_spanned_by(
        ty,
        format!("a stored field cannot borrow: rows are read back into owned values; use {owned}, or add `#[repo(skip)]`"),
    );
    true
}

/// Reports a tuple (`(i64, i64)`, `()`) as a stored field's type: a column holds one value, and
/// composite keys are not supported. `true` when it is one.
fn tuple(ty: &syn::Type, cx: &mut Ctxt) -> bool {
    let syn::Type::Tuple(tuple) = ty else {
        return false;
    };
    let message = if tuple.elems.is_empty() {
        "`()` holds nothing to store; remove the field or add `#[repo(skip)]`"
    } else {
        "a tuple cannot be one column (and composite keys are not supported); store each part in a field of its own"
    };
    cx.error_spanned_by(ty, message);
    true
}

/// For `Maybe<T>`, which may be an alias of `Option<T>`: the derive reads types by name, so an
/// alias would be stored as a NOT NULL column.
fn alias_hint(ty: &syn::Type) -> String {
    let syn::Type::Path(path) = ty else {
        return String::new();
    };
    let Some(segment) = path.path.segments.last() else {
        return String::new();
    };
    match &segment.arguments {
        syn::PathArguments::AngleBracketed(args) if args.args.len() == 1 => {
            let arg = type_text(&args.args);
            format!(
                "; if `{}` is an alias of `Option`, write `Option<{arg}>`: the derive reads types by name, and only `Option` makes the column nullable",
                segment.ident
            )
        }
        _ => String::new(),
    }
}

/// A type as the user would write it in a message: `Vec<u8>`, not `Vec < u8 >`.
fn type_text(tokens: &impl ToTokens) -> String {
    let text = tokens.to_token_stream().to_string();
    [
        (" < ", "<"),
        ("< ", "<"),
        (" <", "<"),
        (" >", ">"),
        (" :: ", "::"),
        (":: ", "::"),
        (" ,", ","),
        ("& ", "&"),
    ]
    .iter()
    .fold(text, |text, (from, to)| text.replace(from, to))
}

fn redundant(span: Option<Span>, key: &str, why: &str, cx: &mut Ctxt) {
    if let Some(span) = span {
        cx.syn_error(syn::Error::new(span, format!("{why}; remove `{key}`")));
    }
}
