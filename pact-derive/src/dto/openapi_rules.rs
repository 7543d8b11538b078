//! Each `#[validate(...)]` rule of the checked model to the call that puts its JSON Schema
//! keyword in a schema, or notes it where no keyword expresses it. Read from the same model
//! validation expands, so the two cannot disagree on which rules a field has.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::{Expr, Lit};

use super::ast::{Rule, RuleKind};
use super::bounds::literal_of;

/// Statements applying `rules` to `__s` (a `&mut SchemaRef`).
pub fn apply(b: &TokenStream, rules: &[Rule]) -> TokenStream {
    rules.iter().map(|rule| one(b, &rule.kind)).collect()
}

/// `each(...)` and `keys(...)`: the rules for every element or key, applied inside.
pub fn elements(b: &TokenStream, each: &[Rule], keys: &[Rule]) -> TokenStream {
    let mut out = TokenStream::new();
    if !each.is_empty() {
        let text = format!("each({})", list(each));
        let inner = apply(b, each);
        out.extend(quote!(#b::each(__s, #text, |__s: &mut #b::SchemaRef| { #inner });));
    }
    if !keys.is_empty() {
        let text = format!("keys({})", list(keys));
        let inner = apply(b, keys);
        out.extend(quote!(#b::keys(__s, #text, |__s: &mut #b::SchemaRef| { #inner });));
    }
    out
}

fn list(rules: &[Rule]) -> String {
    rules
        .iter()
        .map(|rule| text(&rule.kind))
        .collect::<Vec<_>>()
        .join(", ")
}

fn one(b: &TokenStream, kind: &RuleKind) -> TokenStream {
    let text = text(kind);
    let some = |expr: &Option<Expr>| {
        expr.as_ref().map_or_else(
            || quote!(::core::option::Option::None),
            |expr| quote!(::core::option::Option::Some::<usize>(#expr)),
        )
    };
    match kind {
        RuleKind::Length { bytes: true, .. } | RuleKind::Custom { .. } => {
            quote!(#b::note(__s, #text);)
        }
        RuleKind::Length {
            min, max, equal, ..
        } => {
            let (min, max) = if equal.is_some() {
                (some(equal), some(equal))
            } else {
                (some(min), some(max))
            };
            quote!(#b::length(__s, #min, #max, #text);)
        }
        RuleKind::Range {
            min,
            max,
            exclusive_min,
            exclusive_max,
        } => {
            let bounds =
                [min, max, exclusive_min, exclusive_max].map(|bound| limit(b, bound.as_ref()));
            quote!(#b::range(__s, [#(#bounds),*], #text);)
        }
        RuleKind::Simple(name) => match *name {
            "email" => quote!(#b::format(__s, "email", #text);),
            "url" => quote!(#b::format(__s, "uri", #text);),
            "uuid" => quote!(#b::format(__s, "uuid", #text);),
            "ipv4" => quote!(#b::format(__s, "ipv4", #text);),
            "ipv6" => quote!(#b::format(__s, "ipv6", #text);),
            "non_empty" => quote!(#b::non_empty(__s, #text);),
            _ => quote!(#b::note(__s, #text);),
        },
        RuleKind::Text(name, lit) => {
            let escaped = escape(&lit.value());
            let regex = match *name {
                "prefix" => format!("^{escaped}"),
                "suffix" => format!("{escaped}$"),
                "contains" => escaped,
                _ => return quote!(#b::note(__s, #text);),
            };
            quote!(#b::pattern(__s, #regex, #text);)
        }
        RuleKind::Pattern(lit) => quote!(#b::pattern(__s, #lit, #text);),
        RuleKind::OneOf(values) => {
            let values = values.iter().map(|value| match literal_of(value) {
                Some(Lit::Char(c)) => {
                    let s = c.value().to_string();
                    quote!(::core::option::Option::Some(<#b::Value as ::core::convert::From<&str>>::from(#s)))
                }
                Some(Lit::Str(_) | Lit::Int(_) | Lit::Float(_) | Lit::Bool(_)) => {
                    quote!(::core::option::Option::Some(<#b::Value as ::core::convert::From<_>>::from(#value)))
                }
                _ => quote!((&#b::Bound(&(#value))).json()),
            });
            quote! {
                match #b::values(&[#(#values),*]) {
                    ::core::option::Option::Some(__values) => #b::allowed(__s, __values, #text),
                    ::core::option::Option::None => #b::note(__s, #text),
                }
            }
        }
    }
}

/// A bound of `range`: a literal is read here; a constant through `Bound` at run time.
fn limit(b: &TokenStream, bound: Option<&Expr>) -> TokenStream {
    let Some(bound) = bound else {
        return quote!(::core::option::Option::None);
    };
    let negative = matches!(bound, Expr::Unary(_));
    let number = match literal_of(bound) {
        Some(Lit::Int(int)) => {
            let digits = int.base10_digits();
            let text = if negative {
                format!("-{digits}")
            } else {
                digits.to_owned()
            };
            match (text.parse::<isize>(), text.parse::<usize>()) {
                (Ok(value), _) if negative => Some(quote!(#b::Number::Int(#value))),
                (_, Ok(value)) => Some(quote!(#b::Number::UInt(#value))),
                _ => text
                    .parse::<f64>()
                    .ok()
                    .map(|value| quote!(#b::Number::Float(#value))),
            }
        }
        Some(Lit::Float(float)) => {
            let digits = float.base10_digits();
            let text = if negative {
                format!("-{digits}")
            } else {
                digits.to_owned()
            };
            text.parse::<f64>()
                .ok()
                .map(|value| quote!(#b::Number::Float(#value)))
        }
        _ => None,
    };
    match number {
        Some(number) => quote!(::core::option::Option::Some(::core::option::Option::Some(#number))),
        None if literal_of(bound).is_some() => {
            quote!(::core::option::Option::Some(::core::option::Option::None))
        }
        None => quote!(::core::option::Option::Some((&#b::Bound(&(#bound))).number())),
    }
}

/// `text` as a regex matching it literally, in syntax JSON Schema's (ECMA-262) and Rust's
/// regexes share.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\^$.|?*+()[]{}/".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The rule as written (near enough), for descriptions and `x-pact-rules`.
pub fn text(kind: &RuleKind) -> String {
    let tokens = |expr: &Expr| expr.to_token_stream().to_string();
    let keys = |pairs: &[(&str, &Option<Expr>)]| {
        pairs
            .iter()
            .filter_map(|(key, value)| {
                value
                    .as_ref()
                    .map(|value| format!("{key} = {}", tokens(value)))
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    match kind {
        RuleKind::Length {
            min,
            max,
            equal,
            bytes,
        } => {
            let mut inner = keys(&[("min", min), ("max", max), ("equal", equal)]);
            if *bytes {
                inner.push_str(", bytes");
            }
            format!("length({inner})")
        }
        RuleKind::Range {
            min,
            max,
            exclusive_min,
            exclusive_max,
        } => format!(
            "range({})",
            keys(&[
                ("min", min),
                ("max", max),
                ("exclusive_min", exclusive_min),
                ("exclusive_max", exclusive_max)
            ])
        ),
        RuleKind::Simple(name) => (*name).to_owned(),
        RuleKind::Text(name, lit) => format!("{name}({:?})", lit.value()),
        RuleKind::Pattern(lit) => format!("pattern({:?})", lit.value()),
        RuleKind::OneOf(values) => format!(
            "one_of({})",
            values.iter().map(tokens).collect::<Vec<_>>().join(", ")
        ),
        RuleKind::Custom {
            function,
            with_context,
        } => {
            let function = function.to_token_stream().to_string().replace(' ', "");
            if *with_context {
                format!("custom({function}, context)")
            } else {
                format!("custom({function})")
            }
        }
    }
}
