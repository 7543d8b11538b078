//! `pattern("...")`: the regex is compiled here as the runtime compiles it, so every pattern
//! the runtime would refuse, or that would accept every value, is a compile error.

use syn::LitStr;

/// A `pattern` compiles here exactly as the runtime compiles it (`regex::Regex::new`, the same
/// crate, features and default limits as pact-core's `compile_regex`), so a pattern that would
/// fail at run time, as a syntax error or for its size, fails the build instead; and a pattern
/// that matches every string (it can match the empty string anywhere) is a mistake.
pub fn check_pattern(lit: &LitStr) -> syn::Result<()> {
    let source = lit.value();
    let hir = regex_syntax::Parser::new().parse(&source).map_err(|err| {
        syn::Error::new(
            lit.span(),
            format!("invalid regular expression: {}", one_line(&err.to_string())),
        )
    })?;
    if let Err(err) = regex::Regex::new(&source) {
        let reason = match err {
            regex::Error::CompiledTooBig(limit) => format!(
                "this pattern is too big for the regex engine (over its {limit}-byte limit once compiled); large counted repetitions such as `{{1000}}` and Unicode classes such as `\\w` multiply its size: simplify it, or check the value with a `custom` rule"
            ),
            other => format!(
                "the regex engine rejects this pattern: {}",
                one_line(&other.to_string())
            ),
        };
        return Err(syn::Error::new(lit.span(), reason));
    }
    let properties = hir.properties();
    let looks = properties.look_set();
    let unanchored = looks.is_empty()
        || looks == regex_syntax::hir::LookSet::singleton(regex_syntax::hir::Look::Start)
        || looks == regex_syntax::hir::LookSet::singleton(regex_syntax::hir::Look::End);
    if properties.minimum_len() == Some(0) && unanchored {
        let simple = !source.contains('|');
        let anchored = if simple && source.starts_with('^') {
            format!("{source}$")
        } else if simple && source.ends_with('$') && !source.ends_with("\\$") {
            format!("^{source}")
        } else {
            format!("^(?:{source})$")
        };
        return Err(syn::Error::new(
            lit.span(),
            format!(
                "this pattern matches every string: the rule looks for a match anywhere in the value, and `{source}` matches the empty string; anchor it, as in `{anchored}`"
            ),
        ));
    }
    Ok(())
}

fn one_line(text: &str) -> String {
    text.lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or(text)
        .trim()
        .to_owned()
}
