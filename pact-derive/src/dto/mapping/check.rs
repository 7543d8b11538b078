//! Mapping attributes to the checked model, with every rule the derive can see: options on the
//! right direction, no duplicate or conflicting mappings, field keys that agree, names not
//! both mapped and skipped, patch fields that can be absent. What only rustc can see (a source
//! field neither mapped nor skipped, a name the other type lacks, a type mismatch) is left to
//! the generated patterns and literals, spanned on the attribute.

use std::collections::BTreeMap;

use quote::ToTokens;
use syn::{Ident, Member, Path};

use super::attr::{Direction, FieldAttrs, FieldMapAttr, MappingAttr};
use super::model::{FieldMap, How, Mapping};
use crate::dto::ast::{Field, Input, Shape};
use crate::internals::ctxt::Ctxt;
use crate::internals::suggest;

/// The most fields a patch reports in `Changes`.
const MAX_PATCH_FIELDS: usize = 64;

pub fn container(
    attrs: Vec<MappingAttr>,
    is_enum: bool,
    context: bool,
    cx: &mut Ctxt,
) -> Vec<Mapping> {
    let mut out: Vec<Mapping> = Vec::new();
    for attr in attrs {
        let key = attr.direction.key();
        if !options(&attr, is_enum, cx) {
            continue;
        }
        if is_enum && let Some(first) = attr.skip.first() {
            cx.error_spanned_by(
                first,
                "`skip(...)` lists fields of a source struct; an enum maps variant by variant (use `partial` to allow unmapped fields)",
            );
        }
        if attr.direction == Direction::TryInto && context {
            cx.error_spanned_by(
                &attr.key,
                "`try_into` validates without a context, and this DTO declares `#[validate(context = ...)]`; convert with `into` after `validate_with`",
            );
        }
        duplicates(attr.skip.iter(), "skip", cx);
        duplicates(attr.defaults.iter().map(|(name, _)| name), "default", cx);
        duplicates(attr.computed.iter().map(|(name, _)| name), "with", cx);
        for (name, _) in &attr.computed {
            if attr.defaults.iter().any(|(other, _)| other == name) {
                cx.error_spanned_by(
                    name,
                    format!("`{name}` is in both `default(...)` and `with(...)`; keep one"),
                );
            }
        }
        let target = type_name(&attr.target);
        if let Some(previous) = out.iter().find(|m| {
            type_name(&m.target) == target
                && (m.direction == attr.direction
                    || matches!(
                        (m.direction, attr.direction),
                        (Direction::Into, Direction::TryInto)
                            | (Direction::TryInto, Direction::Into)
                    ))
        }) {
            let message = if previous.direction == attr.direction {
                format!("duplicate `{key} = {target}`")
            } else {
                format!(
                    "`into` and `try_into` to `{target}` conflict (`TryFrom` comes with `From`); keep one"
                )
            };
            cx.error_spanned_by(&attr.target, message);
            continue;
        }
        let span = attr
            .target
            .segments
            .last()
            .map_or_else(|| attr.key.span(), |segment| segment.ident.span());
        out.push(Mapping {
            direction: attr.direction,
            target: attr.target,
            span,
            skip: attr.skip,
            partial: attr.partial.is_some(),
            by_value: attr.by_value.is_some(),
            defaults: attr.defaults,
            computed: attr.computed,
            error: attr.error.map(|(_, ty)| ty),
        });
    }
    out
}

/// Options written after a mapping that does not take them.
fn options(attr: &MappingAttr, is_enum: bool, cx: &mut Ctxt) -> bool {
    let key = attr.direction.key();
    let wrong = |option: &Ident, cx: &mut Ctxt, allowed: &str| {
        cx.error_spanned_by(
            option,
            format!("`{option}` does not apply to `{key} = ...`; it belongs to {allowed}"),
        );
    };
    if attr.direction != Direction::From {
        if let Some(first) = attr.skip.first() {
            cx.error_spanned_by(
                first,
                format!(
                    "`skip(...)` lists source fields of a `from` mapping, not of `{key}` (to leave a DTO field out, mark it `#[dto(skip)]`)"
                ),
            );
        }
        if let Some(by_value) = &attr.by_value {
            wrong(by_value, cx, "`from = ...`");
        }
    }
    if !matches!(attr.direction, Direction::Into | Direction::TryInto)
        && let Some((first, _)) = attr.defaults.first()
    {
        let hint = if attr.direction == Direction::From {
            "; a DTO field the source lacks takes `#[dto(default)]` on the field"
        } else {
            ""
        };
        cx.error_spanned_by(
            first,
            format!(
                "`default(...)` names target fields of `into` / `try_into`, not of `{key}`{hint}"
            ),
        );
    }
    if !matches!(attr.direction, Direction::Into | Direction::TryInto)
        && let Some((first, _)) = attr.computed.first()
    {
        cx.error_spanned_by(
            first,
            format!("`with(...)` computes target fields of `into` / `try_into`, not of `{key}`; a field's own conversion is `#[dto(with = ...)]` on the field"),
        );
    }
    if attr.direction != Direction::TryInto
        && let Some((error, _)) = &attr.error
    {
        wrong(error, cx, "`try_into = ...`");
    }
    if attr.direction == Direction::Patch {
        if let Some(partial) = &attr.partial {
            cx.error_spanned_by(
                partial,
                "a patch is partial already: it writes the fields it carries",
            );
        }
        if is_enum {
            cx.error_spanned_by(&attr.key, "`patch` applies to a struct, not an enum");
            return false;
        }
    }
    true
}

fn duplicates<'a>(names: impl Iterator<Item = &'a Ident>, list: &str, cx: &mut Ctxt) {
    let mut seen: Vec<&Ident> = Vec::new();
    for name in names {
        if seen.contains(&name) {
            cx.error_spanned_by(name, format!("`{name}` appears twice in `{list}(...)`"));
        } else {
            seen.push(name);
        }
    }
}

/// A path as text without spaces, to compare targets.
pub fn type_name(path: &Path) -> String {
    path.to_token_stream().to_string().replace(' ', "")
}

/// One field's part in each mapping.
pub fn field(
    attrs: &FieldAttrs,
    member: &Member,
    mappings: &[Mapping],
    cx: &mut Ctxt,
) -> Vec<FieldMap> {
    let layers = std::iter::once(&attrs.all)
        .chain(attrs.directions.iter().map(|(.., attr)| attr))
        .chain(attrs.scoped.iter().map(|(_, attr)| attr));
    for layer in layers {
        if let (Some(rename), Member::Named(own)) = (&layer.rename, member)
            && rename == own
        {
            cx.error_spanned_by(
                rename,
                format!(
                    "`rename = {rename}` is the field's own name and changes nothing; remove it"
                ),
            );
        }
    }
    conflicts(&attrs.all, cx);
    for (scope, key, group) in &attrs.directions {
        conflicts(group, cx);
        if !mappings.iter().any(|m| scope.covers(m.direction)) {
            cx.error_spanned_by(
                key,
                format!("`{key}(...)`: this type declares no `{key}` mapping"),
            );
        }
    }
    for (target, scoped) in &attrs.scoped {
        conflicts(scoped, cx);
        let name = type_name(target);
        if !mappings.iter().any(|m| type_name(&m.target) == name) {
            let names: Vec<String> = mappings.iter().map(|m| type_name(&m.target)).collect();
            let hint = suggest::closest(&name, names.iter().map(String::as_str)).map_or_else(
                || {
                    if names.is_empty() {
                        "; declare one on the type, as in `#[dto(from = User)]`".to_owned()
                    } else {
                        format!("; the mappings are to {}", quoted(&names))
                    }
                },
                |best| format!("; did you mean `{best}`?"),
            );
            cx.error_spanned_by(target, format!("no mapping to `{name}` on this type{hint}"));
        }
    }
    if mappings.is_empty() {
        if let Some(span) = attrs
            .all
            .first_key()
            .or_else(|| attrs.all.with.as_ref().map(syn::spanned::Spanned::span))
        {
            cx.syn_error(syn::Error::new(
                span,
                "this key maps the field, but the type declares no mapping; add one, as in `#[dto(from = User)]`",
            ));
        }
        return Vec::new();
    }
    mappings
        .iter()
        .map(|mapping| {
            let name = type_name(&mapping.target);
            let scoped = attrs
                .scoped
                .iter()
                .find(|(target, _)| type_name(target) == name)
                .map(|(_, attr)| attr);
            // Most specific first: `target = T`, then `from(..)` / `into(..)` / `patch(..)`,
            // then the keys for every mapping.
            let mut layers: Vec<&FieldMapAttr> = Vec::new();
            layers.extend(scoped);
            layers.extend(
                attrs
                    .directions
                    .iter()
                    .filter(|(scope, ..)| scope.covers(mapping.direction))
                    .map(|(.., attr)| attr),
            );
            layers.push(&attrs.all);
            let (mut rename, mut with, mut skipped, mut mapped) = (None, None, None, false);
            for layer in layers {
                rename = rename.or_else(|| layer.rename.clone());
                with = with.or_else(|| layer.with.clone());
                // `skip` / `default` count unless a more specific layer maps the field itself.
                if skipped.is_none() && !mapped {
                    skipped = layer
                        .default
                        .as_ref()
                        .map(|(_, value)| value.clone())
                        .or_else(|| layer.skip.as_ref().map(|_| None));
                }
                mapped |= layer.rename.is_some() || layer.with.is_some();
            }
            let other = rename.map_or_else(|| member.clone(), Member::Named);
            let how = match (skipped, with) {
                (Some(value), _) => How::Skip(value),
                (None, Some(with)) => How::With(with),
                (None, None) => How::Convert,
            };
            FieldMap { other, how }
        })
        .collect()
}

/// `skip` / `default` leave the field out, so `rename` and `with` beside them mean nothing.
fn conflicts(attr: &FieldMapAttr, cx: &mut Ctxt) {
    let out = attr
        .skip
        .as_ref()
        .map(|skip| ("skip", skip.span()))
        .or_else(|| {
            attr.default
                .as_ref()
                .map(|(key, _)| ("default", key.span()))
        });
    let Some((key, _)) = out else { return };
    if let Some(rename) = &attr.rename {
        cx.error_spanned_by(
            rename,
            format!("`rename` and `{key}` conflict: `{key}` leaves the field out of the mapping"),
        );
    }
    if let Some(with) = &attr.with {
        cx.error_spanned_by(
            with,
            format!("`with` and `{key}` conflict: `{key}` leaves the field out of the mapping"),
        );
    }
    if let (Some(skip), Some(_)) = (&attr.skip, &attr.default) {
        cx.error_spanned_by(
            skip,
            "`skip` and `default` say the same; keep `default` (with a value) or `skip`",
        );
    }
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks across fields: one field per name on the other side, names not both mapped and
/// skipped or defaulted, patch fields that can be absent.
pub fn cross(input: &Input<'_>, cx: &mut Ctxt) {
    for (index, mapping) in input.mappings.iter().enumerate() {
        match &input.shape {
            Shape::Struct(fields) => fields_of(mapping, index, fields, cx),
            Shape::Enum(variants) => {
                for variant in variants {
                    fields_of(mapping, index, &variant.fields, cx);
                }
            }
        }
    }
}

fn fields_of(mapping: &Mapping, index: usize, fields: &[Field<'_>], cx: &mut Ctxt) {
    let target = type_name(&mapping.target);
    let mut seen: BTreeMap<String, &Field<'_>> = BTreeMap::new();
    let mut carried = 0;
    for field in fields {
        let Some(map) = field.maps.get(index) else {
            continue;
        };
        if map.is_skipped() {
            continue;
        }
        carried += 1;
        let name = member_name(&map.other);
        if seen.insert(name.clone(), field).is_some() {
            let verb = if mapping.direction == Direction::From {
                "read"
            } else {
                "write"
            };
            cx.error_spanned_by(
                &field.member,
                format!("two fields {verb} `{name}` of `{target}`; `rename` one of them or mark it `#[dto(skip)]`"),
            );
        }
        if mapping.direction == Direction::Patch && !field.optional {
            cx.error_spanned_by(
                field.ty,
                "a patch field is `Option<T>` (absent keeps the value) or `pact::Patch<T>` (absent, null or a value), written as such (the derive reads the type's syntax, so it does not see through an alias); mark a field that is not patched `#[dto(skip)]`",
            );
        }
    }
    if mapping.direction != Direction::From {
        return fields_of_target(mapping, &target, &seen, carried, cx);
    }
    for name in &mapping.skip {
        if let Some(field) = seen.get(name.to_string().trim_start_matches("r#")) {
            let own = member_name(&field.member);
            cx.error_spanned_by(
                name,
                format!(
                    "`{name}` is mapped to the field `{own}` of this DTO; it cannot also be skipped"
                ),
            );
        }
    }
}

fn fields_of_target(
    mapping: &Mapping,
    target: &str,
    seen: &BTreeMap<String, &Field<'_>>,
    carried: usize,
    cx: &mut Ctxt,
) {
    let filled = mapping
        .defaults
        .iter()
        .map(|(name, _)| name)
        .chain(mapping.computed.iter().map(|(name, _)| name));
    for name in filled {
        if let Some(field) = seen.get(name.to_string().trim_start_matches("r#")) {
            let own = member_name(&field.member);
            cx.error_spanned_by(
                name,
                format!("`{name}` of `{target}` is written from the field `{own}`; it cannot also be filled by `default(...)` or `with(...)`"),
            );
        }
    }
    if mapping.direction == Direction::Patch && carried > MAX_PATCH_FIELDS {
        cx.syn_error(syn::Error::new(
            mapping.span,
            format!("a patch carries at most {MAX_PATCH_FIELDS} fields (this one has {carried}); split it"),
        ));
    }
}

pub fn member_name(member: &Member) -> String {
    match member {
        Member::Named(ident) => ident.to_string().trim_start_matches("r#").to_owned(),
        Member::Unnamed(index) => index.index.to_string(),
    }
}
