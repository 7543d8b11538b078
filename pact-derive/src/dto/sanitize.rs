//! `#[dto(trim, lowercase, uppercase, custom(fn))]` on a field: clean-ups run before
//! validation.

use syn::Attribute;

use super::ast::Sanitizer;
use crate::internals::ctxt::Ctxt;
use crate::internals::suggest;

const KEYS: &[&str] = &["trim", "lowercase", "uppercase", "custom"];

pub fn parse(attrs: &[Attribute], cx: &mut Ctxt) -> Vec<Sanitizer> {
    let mut out: Vec<Sanitizer> = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("dto")) {
        if let syn::Meta::Path(path) = &attr.meta {
            cx.error_spanned_by(
                path,
                "`#[dto]` without keys does nothing; add keys, as in `#[dto(trim)]`, or remove it",
            );
            continue;
        }
        let result = attr.parse_nested_meta(|meta| {
            let Some(ident) = meta.path.get_ident().cloned() else {
                return Err(meta.error("expected `trim`, `lowercase`, `uppercase` or `custom(fn)`"));
            };
            let key = ident.to_string();
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
                    let hint = suggest::closest(other, KEYS.iter().copied()).map_or_else(
                        || {
                            "; a field takes `trim`, `lowercase`, `uppercase` and `custom(fn)`"
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
    }
    out
}
