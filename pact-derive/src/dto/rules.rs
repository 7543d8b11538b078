//! `#[validate(...)]` rules on a field, parsed by hand: each rule has its own argument shape,
//! and every mistake is recorded in the context with its span.

use syn::meta::ParseNestedMeta;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Expr, LitStr, Token};

use super::ast::{Overrides, Rule, RuleKind};
use super::bounds;
use crate::internals::ctxt::Ctxt;
use crate::internals::suggest;

/// Rules that take no argument, by name, with the runtime function each calls.
const SIMPLE: &[&str] = &[
    "email",
    "url",
    "ip",
    "ipv4",
    "ipv6",
    "uuid",
    "credit_card",
    "ascii",
    "alphanumeric",
    "non_empty",
];
const TEXT: &[&str] = &["contains", "does_not_contain", "prefix", "suffix"];
const OTHER: &[&str] = &[
    "length",
    "range",
    "pattern",
    "one_of",
    "must_match",
    "custom",
    "required",
    "nested",
    "each",
    "keys",
];

/// Every rule name, for suggestions.
fn all_rules() -> impl Iterator<Item = &'static str> {
    SIMPLE.iter().chain(TEXT).chain(OTHER).copied()
}

/// `#[name()]`: an attribute with empty parentheses.
pub(super) fn is_empty_list(attr: &syn::Attribute) -> bool {
    matches!(&attr.meta, syn::Meta::List(list) if list.tokens.is_empty())
}

/// Whether the parenthesized group `meta` stands before is empty: `each()`.
fn group_is_empty(meta: &ParseNestedMeta<'_>) -> bool {
    meta.input
        .fork()
        .step(
            |cursor| match cursor.group(proc_macro2::Delimiter::Parenthesis) {
                Some((inside, _, rest)) => Ok((inside.eof(), rest)),
                None => Ok((false, *cursor)),
            },
        )
        .unwrap_or(false)
}

/// What a field's `#[validate(...)]` attributes say, before cross-field checks.
#[derive(Default)]
pub struct FieldRules {
    pub rules: Vec<Rule>,
    pub each: Vec<Rule>,
    pub keys: Vec<Rule>,
    pub required: Option<(proc_macro2::Span, Overrides)>,
    pub nested: Option<proc_macro2::Span>,
    /// `must_match(other)` targets, resolved later against the fields.
    pub must_match: Vec<(syn::Ident, proc_macro2::Span, Overrides)>,
}

/// Where a rule list stands: top level of a field, or inside `each(...)` / `keys(...)`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Field,
    Each,
    Keys,
}

pub fn parse_field(attrs: &[syn::Attribute], cx: &mut Ctxt) -> FieldRules {
    let mut out = FieldRules::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("validate")) {
        if let syn::Meta::Path(path) = &attr.meta {
            cx.error_spanned_by(path, "`#[validate]` without rules does nothing; add rules, as in `#[validate(email)]`, or remove it");
            continue;
        }
        if is_empty_list(attr) {
            cx.error_spanned_by(attr, "`#[validate()]` is empty and does nothing; add rules, as in `#[validate(email)]`, or remove it");
            continue;
        }
        let result = attr.parse_nested_meta(|meta| {
            rule(&meta, Level::Field, &mut out, cx);
            Ok(())
        });
        if let Err(err) = result {
            cx.syn_error(err);
        }
    }
    out
}

fn rule(meta: &ParseNestedMeta<'_>, level: Level, out: &mut FieldRules, cx: &mut Ctxt) {
    let Some(ident) = meta.path.get_ident() else {
        cx.error_spanned_by(
            &meta.path,
            "expected a rule name such as `email` or `length(max = 20)`",
        );
        skip_value(meta);
        return;
    };
    let name = ident.to_string();
    let span = ident.span();
    let result = match name.as_str() {
        "must_match" if level == Level::Field => must_match(meta).map(|(other, overrides)| {
            if out
                .must_match
                .iter()
                .any(|(existing, ..)| *existing == other)
            {
                cx.error_spanned_by(&other, format!("duplicate rule `must_match({other})`"));
            } else {
                out.must_match.push((other, span, overrides));
            }
        }),
        "required" if level == Level::Field => overrides_only(meta).map(|overrides| {
            if out.required.is_some() {
                cx.error_spanned_by(ident, "duplicate rule `required`");
            }
            out.required = Some((span, overrides));
        }),
        "nested" if level == Level::Field => {
            nested_flag(meta, ident, out, cx);
            Ok(())
        }
        "nested" => {
            cx.error_spanned_by(
                ident,
                "`nested` goes on the field itself: a `Vec`, `Option`, `Box` or map field marked `#[validate(nested)]` validates every element (every value of a map)",
            );
            skip_value(meta);
            Ok(())
        }
        "each" | "keys" if level == Level::Field => element_rules(meta, ident, out, cx),
        "must_match" | "required" | "each" | "keys" => {
            cx.error_spanned_by(
                ident,
                format!("`{name}` applies to a field, not inside `each(...)` or `keys(...)`"),
            );
            skip_value(meta);
            Ok(())
        }
        other => {
            if let Some(check) = check(meta, other) {
                check.map(|kind| push(out, level, cx, span, kind))
            } else {
                unknown_rule(meta, ident, cx);
                Ok(())
            }
        }
    };
    if let Err(err) = result {
        cx.syn_error(err);
    }
}

/// Parses a rule that checks the value (`email`, `prefix("x")`, `length(max = 20)`, ...), or
/// returns `None` if `name` is no such rule.
fn check(meta: &ParseNestedMeta<'_>, name: &str) -> Option<syn::Result<(RuleKind, Overrides)>> {
    if let Some(function) = listed(SIMPLE, name) {
        return Some(overrides_only(meta).map(|overrides| (RuleKind::Simple(function), overrides)));
    }
    if let Some(function) = listed(TEXT, name) {
        return Some(text_arg(meta, function).and_then(|(lit, overrides)| {
            if lit.value().is_empty() {
                let outcome = if function == "does_not_contain" {
                    "fails for every string"
                } else {
                    "passes for every string"
                };
                return Err(syn::Error::new(
                    lit.span(),
                    format!("`{function}(\"\")` {outcome}; give the text to look for"),
                ));
            }
            Ok((RuleKind::Text(function, lit), overrides))
        }));
    }
    let parsed = match name {
        "length" => length(meta),
        "range" => range(meta),
        "pattern" => pattern(meta),
        "one_of" => one_of(meta),
        "custom" => custom(meta),
        _ => return None,
    };
    Some(parsed)
}

/// `name` as written in `list`, which outlives the attribute.
fn listed(list: &[&'static str], name: &str) -> Option<&'static str> {
    list.iter().copied().find(|listed| *listed == name)
}

/// `nested`: a flag, validated with the field type's own rules.
fn nested_flag(
    meta: &ParseNestedMeta<'_>,
    ident: &syn::Ident,
    out: &mut FieldRules,
    cx: &mut Ctxt,
) {
    if meta.input.peek(syn::token::Paren) || meta.input.peek(Token![=]) {
        cx.error_spanned_by(ident, "`nested` takes no arguments");
        skip_value(meta);
    } else if out.nested.is_some() {
        cx.error_spanned_by(ident, "duplicate rule `nested`");
    } else {
        out.nested = Some(ident.span());
    }
}

/// `each(...)` or `keys(...)`: the rules for every element or map key of a field.
fn element_rules(
    meta: &ParseNestedMeta<'_>,
    ident: &syn::Ident,
    out: &mut FieldRules,
    cx: &mut Ctxt,
) -> syn::Result<()> {
    let name = ident.to_string();
    let inner = if name == "each" {
        Level::Each
    } else {
        Level::Keys
    };
    if meta.input.peek(syn::token::Paren) && group_is_empty(meta) {
        cx.error_spanned_by(
            ident,
            format!("`{name}()` is empty; list the rules for every element, as in `{name}(length(max = 20))`, or remove it"),
        );
        skip_value(meta);
        Ok(())
    } else if meta.input.peek(syn::token::Paren) {
        meta.parse_nested_meta(|meta| {
            rule(&meta, inner, out, cx);
            Ok(())
        })
    } else {
        cx.error_spanned_by(
            ident,
            format!("`{name}` lists the rules for every element, as in `{name}(length(max = 20))`"),
        );
        skip_value(meta);
        Ok(())
    }
}

/// A name that is no rule, with the nearest one if there is one.
fn unknown_rule(meta: &ParseNestedMeta<'_>, ident: &syn::Ident, cx: &mut Ctxt) {
    let other = ident.to_string();
    let hint = suggest::closest(&other, all_rules()).map_or_else(
        || {
            format!(
                "; the rules are {}",
                all_rules().collect::<Vec<_>>().join(", ")
            )
        },
        |best| format!("; did you mean `{best}`?"),
    );
    cx.error_spanned_by(ident, format!("unknown rule `{other}`{hint}"));
    skip_value(meta);
}

fn push(
    out: &mut FieldRules,
    level: Level,
    cx: &mut Ctxt,
    span: proc_macro2::Span,
    (kind, overrides): (RuleKind, Overrides),
) {
    push_rule(
        out,
        level,
        cx,
        Rule {
            kind,
            span,
            overrides,
        },
    );
}

fn push_rule(out: &mut FieldRules, level: Level, cx: &mut Ctxt, rule: Rule) {
    let list = match level {
        Level::Field => &mut out.rules,
        Level::Each => &mut out.each,
        Level::Keys => &mut out.keys,
    };
    let same = |existing: &Rule| match (&existing.kind, &rule.kind) {
        // The same function or the same text twice: the second adds nothing but a second error.
        (
            RuleKind::Custom {
                function: a,
                with_context: x,
            },
            RuleKind::Custom {
                function: b,
                with_context: y,
            },
        ) => {
            x == y
                && quote::ToTokens::to_token_stream(a).to_string()
                    == quote::ToTokens::to_token_stream(b).to_string()
        }
        (RuleKind::Text(a, x), RuleKind::Text(b, y)) => a == b && x.value() == y.value(),
        (RuleKind::Custom { .. } | RuleKind::Text(..), _) => false,
        (a, b) => {
            std::mem::discriminant(a) == std::mem::discriminant(b)
                && match (a, b) {
                    (RuleKind::Simple(x), RuleKind::Simple(y)) => x == y,
                    _ => true,
                }
        }
    };
    if list.iter().any(same) {
        cx.syn_error(syn::Error::new(
            rule.span,
            "duplicate rule: merge the two into one",
        ));
        return;
    }
    list.push(rule);
}

/// Consumes whatever follows a rule name that was rejected, so parsing goes on.
fn skip_value(meta: &ParseNestedMeta<'_>) {
    if meta.input.peek(syn::token::Paren) {
        let _ = meta.input.step(|cursor| match cursor.token_tree() {
            Some((_, rest)) => Ok(((), rest)),
            None => Ok(((), *cursor)),
        });
    } else if meta.input.peek(Token![=]) {
        let _ = meta.value().and_then(Expr::parse);
    }
}

/// Like `meta.parse_nested_meta`, but a key that fails is skipped rather than left unparsed,
/// so one mistake inside a rule's parentheses is reported once, and empty parentheses get the
/// rule's own message.
fn nested(
    meta: &ParseNestedMeta<'_>,
    empty: &str,
    mut f: impl FnMut(&ParseNestedMeta<'_>) -> syn::Result<()>,
) -> syn::Result<()> {
    if group_is_empty(meta) {
        let _ = meta.input.step(|cursor| {
            cursor
                .token_tree()
                .map_or(Ok(((), *cursor)), |(_, rest)| Ok(((), rest)))
        });
        return Err(meta.error(empty));
    }
    let mut errors: Option<syn::Error> = None;
    meta.parse_nested_meta(|inner| {
        if let Err(err) = f(&inner) {
            skip_value(&inner);
            match &mut errors {
                Some(errors) => errors.combine(err),
                None => errors = Some(err),
            }
        }
        Ok(())
    })?;
    errors.map_or(Ok(()), Err)
}

/// Consumes what is left in a parenthesized group after a mistake.
fn drain(content: ParseStream<'_>) {
    let _ = content.step(|cursor| {
        let mut rest = *cursor;
        while let Some((_, next)) = rest.token_tree() {
            rest = next;
        }
        Ok(((), rest))
    });
}

/// Parses a rule's parenthesized arguments with `f`, draining them on error.
fn group<T>(
    meta: &ParseNestedMeta<'_>,
    f: impl FnOnce(ParseStream<'_>) -> syn::Result<T>,
) -> syn::Result<T> {
    let content;
    syn::parenthesized!(content in meta.input);
    let result = f(&content);
    if result.is_err() {
        drain(&content);
    }
    result
}

/// `code = "..."` or `message = "..."` inside a rule's parentheses.
fn override_key(meta: &ParseNestedMeta<'_>, overrides: &mut Overrides) -> syn::Result<bool> {
    let slot = if meta.path.is_ident("code") {
        &mut overrides.code
    } else if meta.path.is_ident("message") {
        &mut overrides.message
    } else {
        return Ok(false);
    };
    if slot.is_some() {
        return Err(meta.error("duplicate key"));
    }
    *slot = Some(meta.value()?.parse::<LitStr>()?);
    Ok(true)
}

fn overrides_only(meta: &ParseNestedMeta<'_>) -> syn::Result<Overrides> {
    let mut overrides = Overrides::default();
    if meta.input.peek(syn::token::Paren) {
        nested(
            meta,
            "empty parentheses: write the rule alone, or give `code = \"...\"` / `message = \"...\"`",
            |inner| {
                if override_key(inner, &mut overrides)? {
                    Ok(())
                } else {
                    let hint = inner
                        .path
                        .get_ident()
                        .and_then(|key| suggest::closest(&key.to_string(), ["code", "message"]))
                        .map(|best| format!("; did you mean `{best}`?"))
                        .unwrap_or_default();
                    Err(inner.error(format!(
                        "this rule takes only `code = \"...\"` and `message = \"...\"`{hint}"
                    )))
                }
            },
        )?;
    } else if meta.input.peek(Token![=]) {
        skip_value(meta);
        return Err(
            meta.error("this rule takes no value; write it alone, as in `#[validate(email)]`")
        );
    }
    Ok(overrides)
}

/// One `key = value` argument of a rule, with the key's span.
type KeyValue = (String, Expr, proc_macro2::Span);

/// The arguments of a rule that takes keys, as in `length(min = 1, max = 20)`.
struct Keyed {
    /// The `key = value` arguments given, in order.
    values: Vec<KeyValue>,
    /// The flags given (`bytes`).
    flags: Vec<String>,
    overrides: Overrides,
    /// The rule's name.
    span: proc_macro2::Span,
}

impl Keyed {
    /// Removes the value of `key`, if it was given.
    fn take(&mut self, key: &str) -> Option<Expr> {
        let index = self.values.iter().position(|(k, ..)| k == key)?;
        Some(self.values.remove(index).1)
    }

    /// Whether the flag `key` was given.
    fn flag(&self, key: &str) -> bool {
        self.flags.iter().any(|flag| flag == key)
    }
}

/// Parses `rule(key = value, flag, ...)`: `keys` take a value, `flags` stand alone.
fn keyed(
    meta: &ParseNestedMeta<'_>,
    keys: &[&str],
    flags: &[&str],
    rule: &str,
    example: &str,
) -> syn::Result<Keyed> {
    let mut overrides = Overrides::default();
    let mut values: Vec<KeyValue> = Vec::new();
    let mut given: Vec<String> = Vec::new();
    if !meta.input.peek(syn::token::Paren) {
        return Err(meta.error(format!("`{rule}` needs bounds, as in `{example}`")));
    }
    let all: Vec<&str> = keys.iter().chain(flags).copied().collect();
    nested(
        meta,
        &format!("`{rule}` needs bounds, as in `{example}`"),
        |inner| {
            if override_key(inner, &mut overrides)? {
                return Ok(());
            }
            let Some(key) = inner.path.get_ident().map(ToString::to_string) else {
                return Err(inner.error("expected a key"));
            };
            if !all.contains(&key.as_str()) {
                let hint = suggest::closest(&key, all.iter().copied()).map_or_else(
                    || format!("; `{rule}` takes {}", all.join(", ")),
                    |best| format!("; did you mean `{best}`?"),
                );
                return Err(inner.error(format!("unknown key `{key}` in `{rule}`{hint}")));
            }
            if given.contains(&key) {
                return Err(inner.error(format!("duplicate key `{key}`")));
            }
            given.push(key.clone());
            let span = inner
                .path
                .get_ident()
                .map_or_else(proc_macro2::Span::call_site, syn::Ident::span);
            let has_value = inner.input.peek(Token![=]);
            match (flags.contains(&key.as_str()), has_value) {
                (true, true) => Err(inner.error(format!(
                    "`{key}` is a flag: write `{key}` alone, as in `{rule}(max = 20, {key})`"
                ))),
                (true, false) => Ok(()),
                (false, true) => {
                    values.push((key, inner.value()?.parse::<Expr>()?, span));
                    Ok(())
                }
                (false, false) => {
                    Err(inner.error(format!("`{key}` needs a value, as in `{key} = 10`")))
                }
            }
        },
    )?;
    let flags = given
        .into_iter()
        .filter(|key| flags.contains(&key.as_str()))
        .collect();
    Ok(Keyed {
        values,
        flags,
        overrides,
        span: meta
            .path
            .get_ident()
            .map_or_else(proc_macro2::Span::call_site, syn::Ident::span),
    })
}

fn length(meta: &ParseNestedMeta<'_>) -> syn::Result<(RuleKind, Overrides)> {
    let mut args = keyed(
        meta,
        &["min", "max", "equal"],
        &["bytes"],
        "length",
        "length(min = 1, max = 20)",
    )?;
    let bytes = args.flag("bytes");
    let (min, max, equal) = (args.take("min"), args.take("max"), args.take("equal"));
    let mut errors: Option<syn::Error> = None;
    for (key, bound) in [("min", &min), ("max", &max), ("equal", &equal)] {
        if let Some(Err(err)) = bound.as_ref().map(|bound| bounds::length_bound(bound, key)) {
            combine(&mut errors, err);
        }
    }
    let zero = |bound: &Option<Expr>| {
        bound
            .as_ref()
            .and_then(bounds::literal_of)
            .is_some_and(|lit| matches!(lit, syn::Lit::Int(int) if int.base10_digits() == "0"))
    };
    if zero(&min) && max.is_none() && equal.is_none() {
        combine(
            &mut errors,
            syn::Error::new_spanned(
                min.as_ref(),
                "`length(min = 0)` accepts every value; give `max`, or `min = 1` to refuse an empty one (or use `non_empty`)",
            ),
        );
    }
    if min.is_none() && max.is_none() && equal.is_none() {
        combine(
            &mut errors,
            syn::Error::new(
                args.span,
                "`length` needs `min`, `max` or `equal`, as in `length(max = 20)`",
            ),
        );
    }
    if let Some(errors) = errors {
        return Err(errors);
    }
    let kind = RuleKind::Length {
        min,
        max,
        equal,
        bytes,
    };
    Ok((kind, args.overrides))
}

fn combine(errors: &mut Option<syn::Error>, error: syn::Error) {
    match errors {
        Some(errors) => errors.combine(error),
        None => *errors = Some(error),
    }
}

fn range(meta: &ParseNestedMeta<'_>) -> syn::Result<(RuleKind, Overrides)> {
    let keys = ["min", "max", "exclusive_min", "exclusive_max"];
    let mut args = keyed(meta, &keys, &[], "range", "range(min = 0, max = 120)")?;
    let mut errors: Option<syn::Error> = None;
    for (key, bound, _) in &args.values {
        if let Some(err) = bounds::suffix_error(bound, "range", key) {
            combine(&mut errors, err);
        }
    }
    if let Some(errors) = errors {
        return Err(errors);
    }
    Ok((
        RuleKind::Range {
            min: args.take("min"),
            max: args.take("max"),
            exclusive_min: args.take("exclusive_min"),
            exclusive_max: args.take("exclusive_max"),
        },
        args.overrides,
    ))
}

/// A rule whose first argument is a string, then optional overrides: `prefix("https://")`.
fn text_arg(meta: &ParseNestedMeta<'_>, rule: &str) -> syn::Result<(LitStr, Overrides)> {
    if !meta.input.peek(syn::token::Paren) {
        return Err(meta.error(format!("`{rule}` needs a string, as in `{rule}(\"...\")`")));
    }
    group(meta, |content| {
        let lit: LitStr = content.parse().map_err(|err| {
            syn::Error::new(
                err.span(),
                format!("`{rule}` needs a string, as in `{rule}(\"...\")`"),
            )
        })?;
        let overrides = trailing_overrides(content)?;
        Ok((lit, overrides))
    })
}

/// `, code = "...", message = "..."` after positional arguments.
fn trailing_overrides(content: ParseStream<'_>) -> syn::Result<Overrides> {
    let mut overrides = Overrides::default();
    trailing_keys(
        content,
        &mut [
            ("code", &mut overrides.code),
            ("message", &mut overrides.message),
        ],
        "expected `code = \"...\"` or `message = \"...\"`",
    )?;
    Ok(overrides)
}

/// `, key = "..."` pairs after positional arguments, each key filling its slot once.
pub(super) fn trailing_keys(
    content: ParseStream<'_>,
    slots: &mut [(&str, &mut Option<LitStr>)],
    expected: &str,
) -> syn::Result<()> {
    while !content.is_empty() {
        content.parse::<Token![,]>()?;
        if content.is_empty() {
            break;
        }
        let key: syn::Ident = content.parse()?;
        content.parse::<Token![=]>()?;
        let value: LitStr = content.parse()?;
        let Some((_, slot)) = slots.iter_mut().find(|(name, _)| key == name) else {
            return Err(syn::Error::new(key.span(), expected));
        };
        if slot.is_some() {
            return Err(syn::Error::new(key.span(), "duplicate key"));
        }
        **slot = Some(value);
    }
    Ok(())
}

fn pattern(meta: &ParseNestedMeta<'_>) -> syn::Result<(RuleKind, Overrides)> {
    let (lit, overrides) = text_arg(meta, "pattern")?;
    super::pattern::check_pattern(&lit)?;
    Ok((RuleKind::Pattern(lit), overrides))
}

fn one_of(meta: &ParseNestedMeta<'_>) -> syn::Result<(RuleKind, Overrides)> {
    if !meta.input.peek(syn::token::Paren) {
        return Err(
            meta.error("`one_of` lists the allowed values, as in `one_of(\"asc\", \"desc\")`")
        );
    }
    let items = group(meta, Punctuated::<Expr, Token![,]>::parse_terminated)?;
    let mut overrides = Overrides::default();
    let mut values = Vec::new();
    for item in items {
        match &item {
            Expr::Assign(assign) => {
                let key = match &*assign.left {
                    Expr::Path(path) => path.path.get_ident().map(ToString::to_string),
                    _ => None,
                };
                let Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(lit),
                    ..
                }) = &*assign.right
                else {
                    return Err(syn::Error::new_spanned(&assign.right, "expected a string"));
                };
                match key.as_deref() {
                    Some("code") => overrides.code = Some(lit.clone()),
                    Some("message") => overrides.message = Some(lit.clone()),
                    _ => {
                        return Err(syn::Error::new_spanned(
                            &assign.left,
                            "expected `code` or `message`",
                        ));
                    }
                }
            }
            _ => values.push(item),
        }
    }
    if values.is_empty() {
        return Err(meta.error("`one_of` needs at least one allowed value"));
    }
    for (index, value) in values.iter().enumerate() {
        if let Some(err) = bounds::suffix_error(value, "one_of", "") {
            return Err(err);
        }
        let text = quote::ToTokens::to_token_stream(value).to_string();
        let repeated = values[..index]
            .iter()
            .any(|earlier| quote::ToTokens::to_token_stream(earlier).to_string() == text);
        if repeated && bounds::literal_of(value).is_some() {
            return Err(syn::Error::new_spanned(
                value,
                format!("`{text}` is listed twice in `one_of`; remove one"),
            ));
        }
    }
    Ok((RuleKind::OneOf(values), overrides))
}

fn must_match(meta: &ParseNestedMeta<'_>) -> syn::Result<(syn::Ident, Overrides)> {
    if !meta.input.peek(syn::token::Paren) {
        return Err(meta.error("`must_match` names the other field, as in `must_match(password)`"));
    }
    group(meta, |content| {
        let other: syn::Ident = content.parse().map_err(|err| {
            syn::Error::new(
                err.span(),
                "`must_match` names the other field, as in `must_match(password)`",
            )
        })?;
        Ok((other, trailing_overrides(content)?))
    })
}

fn custom(meta: &ParseNestedMeta<'_>) -> syn::Result<(RuleKind, Overrides)> {
    if !meta.input.peek(syn::token::Paren) {
        return Err(meta.error("`custom` names a function, as in `custom(check_username)` or `custom(check_slot, context)`"));
    }
    group(meta, |content| {
        let function: syn::Path = content.parse()?;
        let mut with_context = false;
        if content.peek(Token![,]) && content.peek2(syn::Ident) && !content.peek3(Token![=]) {
            content.parse::<Token![,]>()?;
            let word: syn::Ident = content.parse()?;
            if word != "context" {
                return Err(syn::Error::new(
                    word.span(),
                    "expected `context`, as in `custom(check_slot, context)`",
                ));
            }
            with_context = true;
        }
        let overrides = trailing_overrides(content)?;
        Ok((
            RuleKind::Custom {
                function,
                with_context,
            },
            overrides,
        ))
    })
}
