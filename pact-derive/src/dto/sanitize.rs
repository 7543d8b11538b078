//! `#[dto(trim, lowercase, uppercase, custom(fn))]` on a field: clean-ups run before
//! validation. The mapping keys of the same attribute (`rename`, `with`, `default`, `skip`,
//! `target`) are handed to `mapping::attr`.

use syn::Attribute;

use super::ast::Sanitizer;
use super::mapping::attr::{self as mapping, FieldAttrParts, FieldAttrs, FieldMapAttr};
use crate::internals::ctxt::Ctxt;
use crate::internals::suggest;

const KEYS: &[&str] = &["trim", "lowercase", "uppercase", "custom"];

pub fn parse(attrs: &[Attribute], cx: &mut Ctxt) -> (Vec<Sanitizer>, FieldAttrs) {
    let mut out: Vec<Sanitizer> = Vec::new();
    let mut maps = FieldAttrs::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("dto")) {
        if let syn::Meta::Path(path) = &attr.meta {
            cx.error_spanned_by(
                path,
                "`#[dto]` without keys does nothing; add keys, as in `#[dto(trim)]`, or remove it",
            );
            continue;
        }
        if super::rules::is_empty_list(attr) {
            cx.error_spanned_by(
                attr,
                "`#[dto()]` is empty and does nothing; add keys, as in `#[dto(trim)]`, or remove it",
            );
            continue;
        }
        let mut parts = FieldAttrParts::default();
        let sanitizers_before = out.len();
        let result = attr.parse_nested_meta(|meta| {
            let Some(ident) = meta.path.get_ident().cloned() else {
                return Err(meta.error("expected `trim`, `lowercase`, `uppercase` or `custom(fn)`"));
            };
            let key = ident.to_string();
            if mapping::FIELD_KEYS.contains(&key.as_str()) {
                return mapping::field_key(&meta, &ident, &mut parts);
            }
            let sanitizer = match key.as_str() {
                "trim" | "lowercase" | "uppercase" => {
                    if !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
                        return Err(meta.error(format!("`{key}` takes no value")));
                    }
                    match key.as_str() {
                        "trim" => Sanitizer::Trim(ident.span()),
                        "lowercase" => Sanitizer::Lowercase(ident.span()),
                        _ => Sanitizer::Uppercase(ident.span()),
                    }
                }
                "custom" => {
                    let content;
                    syn::parenthesized!(content in meta.input);
                    Sanitizer::Custom(content.parse()?)
                }
                other => {
                    let keys = KEYS.iter().chain(mapping::FIELD_KEYS).copied();
                    let hint = suggest::closest(other, keys).map_or_else(
                        || {
                            "; a field takes `trim`, `lowercase`, `uppercase`, `custom(fn)`, `rename`, `with`, `default`, `skip`, `target`, `from(..)`, `into(..)` and `patch(..)`"
                                .to_owned()
                        },
                        |best| format!("; did you mean `{best}`?"),
                    );
                    return Err(meta.error(format!("unknown key `{other}`{hint}")));
                }
            };
            let duplicate = out
                .iter()
                .any(|s| std::mem::discriminant(s) == std::mem::discriminant(&sanitizer))
                && !matches!(sanitizer, Sanitizer::Custom(_));
            if duplicate {
                return Err(meta.error(format!("duplicate `{key}`")));
            }
            let conflict = matches!(
                (
                    &sanitizer,
                    out.iter()
                        .find(|s| matches!(s, Sanitizer::Lowercase(_) | Sanitizer::Uppercase(_)))
                ),
                (Sanitizer::Lowercase(_) | Sanitizer::Uppercase(_), Some(_))
            );
            if conflict {
                return Err(
                    meta.error("`lowercase` and `uppercase` contradict each other; keep one")
                );
            }
            out.push(sanitizer);
            Ok(())
        });
        if let Err(err) = result {
            cx.syn_error(err);
        }
        collect(&mut maps, parts, out.len() > sanitizers_before, cx);
    }
    (out, maps)
}

/// Files the mapping keys of one attribute: scoped by `target`, by direction, or for every
/// mapping.
fn collect(maps: &mut FieldAttrs, parts: FieldAttrParts, has_sanitizers: bool, cx: &mut Ctxt) {
    let FieldAttrParts {
        map,
        target,
        directions,
    } = parts;
    if let (Some(target), Some((_, key, _))) = (&target, directions.first()) {
        cx.error_spanned_by(
            key,
            format!(
                "`{key}(...)` and `target = {}` do not combine; write them in separate attributes",
                quote::ToTokens::to_token_stream(target)
            ),
        );
    }
    maps.directions.extend(directions);
    if let Some(target) = target {
        if has_sanitizers {
            cx.error_spanned_by(
                &target,
                "sanitizers apply whatever the mapping; put them in a `#[dto(...)]` without `target`",
            );
        }
        if map.is_empty() {
            cx.error_spanned_by(&target, "`target` scopes the mapping keys of its attribute (`rename`, `with`, `default`, `skip`), and this attribute has none");
        }
        maps.scoped.push((target, map));
    } else {
        merge(&mut maps.all, map, cx);
    }
}

/// Keys of another unscoped `#[dto(...)]` on the same field join the first; each at most once.
fn merge(into: &mut FieldMapAttr, from: FieldMapAttr, cx: &mut Ctxt) {
    fn one<T: quote::ToTokens>(slot: &mut Option<T>, value: Option<T>, key: &str, cx: &mut Ctxt) {
        if let Some(value) = value {
            if slot.is_some() {
                cx.error_spanned_by(&value, format!("duplicate `{key}`"));
            } else {
                *slot = Some(value);
            }
        }
    }
    one(&mut into.rename, from.rename, "rename", cx);
    one(&mut into.with, from.with, "with", cx);
    one(&mut into.skip, from.skip, "skip", cx);
    if let Some(default) = from.default {
        if into.default.is_some() {
            cx.error_spanned_by(&default.0, "duplicate `default`");
        } else {
            into.default = Some(default);
        }
    }
}
