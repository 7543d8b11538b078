//! From `syn` input and parsed attributes to the checked model, with every cross-check:
//! `required` only on `Option`, `must_match` naming a field, literal bounds in order, a
//! context for `custom(.., context)`, and serde names for error paths.

use syn::{DeriveInput, Fields, Member, Type};

use super::ast::{Field, Input, MustMatch, Rule, RuleKind, Shape, Variant, Wire};
use super::mapping::check as mapping;
use super::serde_names::{self, Tagging};
use super::{bounds, container, rules, sanitize};
use crate::internals::case::RenameRule;
use crate::internals::ctxt::Ctxt;
use crate::internals::{code, crate_path, fresh, suggest};

pub fn build<'a>(input: &'a DeriveInput, cx: &mut Ctxt) -> Option<Input<'a>> {
    let mut attrs = container::parse(&input.attrs, cx);
    let names = serde_names::container(&input.attrs);
    let has_context = attrs.context.is_some();
    let is_enum = matches!(input.data, syn::Data::Enum(_));
    let mappings = mapping::container(
        std::mem::take(&mut attrs.mappings),
        is_enum,
        has_context,
        cx,
    );
    let scope = Scope {
        has_context,
        serde_default: names.default,
        mappings: &mappings,
    };
    let shape = match &input.data {
        syn::Data::Struct(data) => {
            Shape::Struct(fields(&data.fields, names.rename_all, &scope, cx))
        }
        syn::Data::Enum(data) => {
            let variants = data.variants.iter().map(|variant| {
                for attr in variant
                    .attrs
                    .iter()
                    .filter(|a| a.path().is_ident("validate") || a.path().is_ident("dto"))
                {
                    cx.error_spanned_by(
                        attr,
                        "rules go on the fields of a variant, not on the variant",
                    );
                }
                let own = serde_names::item(&variant.attrs);
                let wire = own.rename.clone().unwrap_or_else(|| {
                    let name = variant.ident.to_string();
                    names
                        .rename_all
                        .map_or(name.clone(), |rule| rule.apply_to_variant(&name))
                });
                let segment = if own.untagged {
                    None
                } else {
                    match &names.tagging {
                        Tagging::External => Some(wire),
                        Tagging::Adjacent(content) => Some(content.clone()),
                        Tagging::Internal | Tagging::Untagged => None,
                    }
                };
                let rule = own.rename_all.or(names.rename_all_fields);
                Variant {
                    ident: &variant.ident,
                    segment,
                    fields: fields(&variant.fields, rule, &scope, cx),
                }
            });
            Shape::Enum(variants.collect())
        }
        syn::Data::Union(data) => {
            cx.error_spanned_by(
                data.union_token,
                "Dto cannot be derived for a union; use a struct or an enum",
            );
            return None;
        }
    };
    for schema in &attrs.schemas {
        check_overrides(&schema.overrides, cx);
        if let Some(path) = &schema.path {
            check_schema_path(path, &shape, cx);
        }
    }
    let input = Input {
        ident: &input.ident,
        generics: &input.generics,
        krate: crate_path::or_default(attrs.krate),
        context: attrs.context,
        context_param: fresh::ident(input, "__C"),
        schemas: attrs.schemas,
        shape,
        mappings,
    };
    mapping::cross(&input, cx);
    Some(input)
}

/// What the fields of the type are checked against.
struct Scope<'m> {
    has_context: bool,
    /// `#[serde(default)]` on the type.
    serde_default: bool,
    mappings: &'m [super::ast::Mapping],
}

fn fields<'a>(
    fields: &'a Fields,
    rename: Option<RenameRule>,
    scope: &Scope<'_>,
    cx: &mut Ctxt,
) -> Vec<Field<'a>> {
    let has_context = scope.has_context;
    let named: Vec<(String, Member, String)> = fields
        .iter()
        .filter_map(|field| {
            let ident = field.ident.as_ref()?;
            let name = ident.to_string().trim_start_matches("r#").to_owned();
            let wire = serde_names::item(&field.attrs)
                .rename
                .unwrap_or_else(|| rename.map_or(name.clone(), |r| r.apply_to_field(&name)));
            Some((name, Member::Named(ident.clone()), wire))
        })
        .collect();

    fields
        .iter()
        .enumerate()
        .map(|(index, field)| {
            let own = serde_names::item(&field.attrs);
            let wire = match &field.ident {
                _ if own.flatten => Wire::Flatten,
                Some(_) => Wire::Name(named.iter().find(|(_, m, _)| matches!(m, Member::Named(i) if Some(i) == field.ident.as_ref())).map(|(_, _, w)| w.clone()).unwrap_or_default()),
                // A newtype (one unnamed field) is its field on the wire, as serde writes it.
                None if fields.len() == 1 => Wire::Flatten,
                None => Wire::Index(index),
            };
            let member = field.ident.clone().map_or_else(|| Member::Unnamed(index.into()), Member::Named);
            let parsed = rules::parse_field(&field.attrs, cx);
            let patch = patch_inner(&field.ty).is_some();
            let optional = patch || option_inner(&field.ty).is_some();
            // Whether any other type is an `Option` is left to the `OptionLike` bound of
            // `rules::required`: an alias such as `type Maybe<T> = Option<T>` is one.
            if let Some((span, _)) = &parsed.required
                && patch
            {
                cx.syn_error(syn::Error::new(*span, "`required` applies to an `Option` field; a `Patch` field is absent, null or a value by design"));
            }
            if patch && !own.default && !scope.serde_default {
                cx.error_spanned_by(&field.ty, "a `Patch` field needs `#[serde(default)]`: without it serde reads an absent member as `null`, and the patch would clear the value");
            }
            let (sanitizers, map_attrs) = sanitize::parse(&field.attrs, cx);
            for rule in parsed.rules.iter().chain(&parsed.each).chain(&parsed.keys) {
                check_rule(rule, has_context, cx);
                check_overrides(&rule.overrides, cx);
            }
            if let Some((_, overrides)) = &parsed.required {
                check_overrides(overrides, cx);
            }
            for (_, _, overrides) in &parsed.must_match {
                check_overrides(overrides, cx);
            }
            let must_match = parsed
                .must_match
                .into_iter()
                .filter_map(|(other, span, overrides)| {
                    let found = named.iter().find(|(name, ..)| other == name);
                    if found.is_none() {
                        let hint = suggest::closest(&other.to_string(), named.iter().map(|(n, ..)| n.as_str()))
                            .map(|best| format!("; did you mean `{best}`?"))
                            .unwrap_or_default();
                        cx.error_spanned_by(&other, format!("`must_match` names no field `{other}`{hint}"));
                    }
                    let (_, member, wire) = found?;
                    if Some(member) == Some(&Member::Named(field.ident.clone()?)) {
                        cx.error_spanned_by(&other, "`must_match` compares a field with another field, not with itself");
                    }
                    Some(MustMatch { other: member.clone(), other_wire: wire.clone(), span, overrides })
                })
                .collect();
            let maps = mapping::field(&map_attrs, &member, scope.mappings, cx);
            Field {
                member,
                ty: &field.ty,
                wire,
                optional,
                patch,
                required: parsed.required,
                rules: parsed.rules,
                each: parsed.each,
                keys: parsed.keys,
                nested: parsed.nested,
                must_match,
                sanitizers,
                maps,
            }
        })
        .collect()
}

fn check_rule(rule: &Rule, has_context: bool, cx: &mut Ctxt) {
    match &rule.kind {
        RuleKind::Custom {
            with_context: true, ..
        } if !has_context => {
            cx.syn_error(syn::Error::new(
                rule.span,
                "`custom(.., context)` needs the context type: add `#[validate(context = YourType)]` to the type",
            ));
        }
        RuleKind::Length {
            min, max, equal, ..
        } => {
            if equal.is_some() && (min.is_some() || max.is_some()) {
                cx.syn_error(syn::Error::new(
                    rule.span,
                    "`equal` cannot be combined with `min` or `max`",
                ));
            }
            if let (Some(min), Some(max)) = (min, max) {
                bounds::check_order(("min", min, false), ("max", max, false), cx);
            }
        }
        RuleKind::Range {
            min,
            max,
            exclusive_min,
            exclusive_max,
        } => {
            if min.is_some() && exclusive_min.is_some() {
                cx.syn_error(syn::Error::new(
                    rule.span,
                    "give either `min` or `exclusive_min`, not both",
                ));
            }
            if max.is_some() && exclusive_max.is_some() {
                cx.syn_error(syn::Error::new(
                    rule.span,
                    "give either `max` or `exclusive_max`, not both",
                ));
            }
            if min.is_none() && max.is_none() && exclusive_min.is_none() && exclusive_max.is_none()
            {
                cx.syn_error(syn::Error::new(
                    rule.span,
                    "`range` needs a bound, as in `range(min = 0, max = 120)`",
                ));
            }
            let low = min
                .as_ref()
                .map(|e| ("min", e, false))
                .or_else(|| exclusive_min.as_ref().map(|e| ("exclusive_min", e, true)));
            let high = max
                .as_ref()
                .map(|e| ("max", e, false))
                .or_else(|| exclusive_max.as_ref().map(|e| ("exclusive_max", e, true)));
            if let (Some(low), Some(high)) = (low, high) {
                bounds::check_order(low, high, cx);
            }
        }
        _ => {}
    }
}

/// `code = "..."` is a machine-readable code, as in `#[api(code = ...)]`; `message = ""` would
/// tell the client nothing.
fn check_overrides(overrides: &super::ast::Overrides, cx: &mut Ctxt) {
    if let Some(code) = &overrides.code {
        let value = code.value();
        if !code::is_valid(&value) {
            cx.error_spanned_by(code, code::invalid_message(&value));
        }
    }
    if let Some(message) = &overrides.message
        && message.value().trim().is_empty()
    {
        cx.error_spanned_by(
            message,
            "`message` is empty; write what the client should fix, as in `message = \"must be a team name\"`, or remove it to keep the rule's own",
        );
    }
}

/// `schema(.., path = "name")` puts its errors at a field of the value, by the name the client
/// sends; a name no field has would report an error at a member the request does not have.
fn check_schema_path(path: &syn::LitStr, shape: &Shape<'_>, cx: &mut Ctxt) {
    let value = path.value();
    if value.is_empty() {
        cx.error_spanned_by(
            path,
            "`path` is empty; name where the error goes, as in `path = \"end_date\"`",
        );
        return;
    }
    let fields: Vec<&Field<'_>> = match shape {
        Shape::Struct(fields) => fields.iter().collect(),
        Shape::Enum(variants) => variants.iter().flat_map(|v| &v.fields).collect(),
    };
    // A flattened field's members sit beside the others, under names the derive cannot see.
    if fields.iter().any(|f| matches!(f.wire, Wire::Flatten)) {
        return;
    }
    let mut names: Vec<String> = fields
        .iter()
        .filter_map(|f| match &f.wire {
            Wire::Name(name) => Some(name.clone()),
            Wire::Index(_) | Wire::Flatten => None,
        })
        .collect();
    if let Shape::Enum(variants) = shape {
        names.extend(variants.iter().filter_map(|v| v.segment.clone()));
    }
    if names.contains(&value) {
        return;
    }
    let own_name = fields.iter().find_map(|f| match (&f.member, &f.wire) {
        (Member::Named(ident), Wire::Name(wire)) if ident == &value => Some(wire.clone()),
        _ => None,
    });
    let hint = if let Some(wire) = own_name {
        format!("; the client sends this field as `{wire}`: write `path = \"{wire}\"`")
    } else if value.contains(['.', '[']) {
        "; `path` names one field of this type (an error deeper down belongs to the nested type's own `schema`)".to_owned()
    } else if let Some(best) = suggest::closest(&value, names.iter().map(String::as_str)) {
        format!("; did you mean `{best}`?")
    } else if names.is_empty() {
        "; this type has no named fields: leave `path` out to report at the value itself".to_owned()
    } else {
        format!(
            "; the fields are {}",
            names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    cx.error_spanned_by(path, format!("`path = \"{value}\"` names no field{hint}"));
}

/// `T` of `Option<T>` (written as `Option`, `std::option::Option` or `core::option::Option`).
pub fn option_inner(ty: &Type) -> Option<&Type> {
    generic_inner(ty, "Option")
}

/// `T` of `Patch<T>` (written as `Patch` or `pact::Patch`).
pub fn patch_inner(ty: &Type) -> Option<&Type> {
    generic_inner(ty, "Patch")
}

/// `T` of `Name<T>`, by the last segment of the type's path.
pub fn generic_inner<'t>(ty: &'t Type, name: &str) -> Option<&'t Type> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    if last.ident != name {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first()? {
        syn::GenericArgument::Type(inner) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}
