//! `pattern("...")`: the regex is checked here as the `regex` crate would compile it, so every
//! pattern it would refuse, or that would accept every value, is a compile error; then it is
//! compiled here, once, into what runs: a direct check ([`direct`]), an embedded DFA ([`dfa`]),
//! or, for what no DFA runs, a `regex::Regex` built on first use.

mod dfa;
mod direct;
mod machine;
mod runtime;

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use syn::{LitStr, Path};

pub use direct::{Plan, Step};

/// A `pattern` is accepted here exactly when the runtime compiles it (`regex::Regex::new` with
/// pact-core's features and the default limits, decided by [`runtime::check`] without the
/// `regex` crate), so a pattern that would
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
    if let Err(refusal) = runtime::check(&hir) {
        let reason = match refusal {
            runtime::Refusal::TooBig(limit) => format!(
                "this pattern is too big for the regex engine (over its {limit}-byte limit once compiled); large counted repetitions such as `{{1000}}` and Unicode classes such as `\\w` multiply its size: simplify it, or check the value with a `custom` rule"
            ),
            runtime::Refusal::Other(other) => format!(
                "the regex engine rejects this pattern: {}",
                one_line(&other)
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

/// What a pattern runs as.
pub enum Compiled {
    /// Generated steps over the bytes.
    Direct(Plan),
    /// A DFA serialized into the binary.
    Dfa(dfa::Serialized),
    /// `regex::Regex`, compiled on first use: Unicode word boundaries, or too large a DFA.
    Regex,
}

/// Compiles a pattern that [`check_pattern`] accepted.
pub fn compile(source: &str) -> Compiled {
    let Ok(hir) = regex_syntax::Parser::new().parse(source) else {
        return Compiled::Regex;
    };
    if let Some(plan) = direct::plan(&hir) {
        return Compiled::Direct(plan);
    }
    let anchored = hir
        .properties()
        .look_set_prefix()
        .contains(regex_syntax::hir::Look::Start);
    dfa::build(source, anchored).map_or(Compiled::Regex, Compiled::Dfa)
}

/// The items that define the matcher of the pattern `lit`, and an expression that borrows it
/// (`&__pact_pattern`), for `rules::pattern(value, matcher, source)`.
pub fn matcher(lit: &LitStr, krate: &Path) -> (TokenStream, TokenStream) {
    let module = quote!(#krate::validation::pattern);
    match compile(&lit.value()) {
        Compiled::Direct(plan) => (direct_fn(&plan, &module), quote!(&__pact_pattern)),
        Compiled::Dfa(dfa) if dfa.machine.is_some() => (
            dfa.machine
                .as_ref()
                .map(machine::machine_fn)
                .unwrap_or_default(),
            quote!(&__pact_pattern),
        ),
        Compiled::Dfa(dfa) => {
            let little = Literal::byte_string(&dfa.little);
            let anchored = dfa.anchored;
            let big = Literal::byte_string(&dfa.big);
            let items = if dfa.dense {
                quote! {
                    #[cfg(target_endian = "little")]
                    static __PACT_DFA: &#module::Aligned<[u8]> = &#module::Aligned(*#little);
                    #[cfg(not(target_endian = "little"))]
                    static __PACT_DFA: &#module::Aligned<[u8]> = &#module::Aligned(*#big);
                    static __PACT_PATTERN: #module::DenseDfa = #module::DenseDfa::new(__PACT_DFA, #lit, #anchored);
                }
            } else {
                quote! {
                    #[cfg(target_endian = "little")]
                    static __PACT_DFA: &[u8] = #little;
                    #[cfg(not(target_endian = "little"))]
                    static __PACT_DFA: &[u8] = #big;
                    static __PACT_PATTERN: #module::SparseDfa = #module::SparseDfa::new(__PACT_DFA, #lit, #anchored);
                }
            };
            (items, quote!(&__PACT_PATTERN))
        }
        Compiled::Regex => (
            quote! {
                static __PACT_PATTERN: ::std::sync::LazyLock<#krate::__private::Regex> =
                    ::std::sync::LazyLock::new(|| #krate::__private::compile_regex(#lit));
            },
            quote!(&*__PACT_PATTERN),
        ),
    }
}

/// `fn __pact_pattern(&str) -> bool` running a plan's steps over a `Scanner`, or, when every
/// step has a fixed width, matching the bytes against one array pattern.
fn direct_fn(plan: &Plan, module: &TokenStream) -> TokenStream {
    if let Some(bytes) = fixed_bytes(plan) {
        let len = Literal::usize_unsuffixed(bytes.len());
        return quote! {
            fn __pact_pattern(__text: &str) -> bool {
                ::core::matches!(
                    <&[u8; #len] as ::core::convert::TryFrom<&[u8]>>::try_from(__text.as_bytes()),
                    ::core::result::Result::Ok([#(#bytes),*])
                )
            }
        };
    }
    let last = plan.steps.len().checked_sub(1);
    let mut moves = false;
    let mut checks: Vec<TokenStream> = plan
        .steps
        .iter()
        .enumerate()
        .map(|(at, step)| match step {
            Step::Literal(bytes) => {
                moves = true;
                let bytes = Literal::byte_string(bytes);
                quote!(__scanner.literal(#bytes))
            }
            Step::Run { ranges, min, max } => {
                moves = true;
                let arms = byte_arms(ranges);
                let class = if ranges.is_empty() {
                    quote!(|_: u8| false)
                } else {
                    quote!(|__byte: u8| ::core::matches!(__byte, #(#arms)|*))
                };
                let min = Literal::usize_unsuffixed(*min as usize);
                let max = if let Some(max) = max {
                    let max = Literal::usize_unsuffixed(*max as usize);
                    quote!(::core::option::Option::Some(#max))
                } else {
                    quote!(::core::option::Option::None)
                };
                quote!(__scanner.run(#class, #min, #max))
            }
            Step::Alternation(literals) => {
                let literals = literals.iter().map(|l| Literal::byte_string(l));
                if Some(at) == last && plan.to_end {
                    quote!(__scanner.rest_is_one_of(&[#(#literals),*]))
                } else {
                    moves = true;
                    quote!(__scanner.alternative(&[#(#literals),*]))
                }
            }
        })
        .collect();
    let ends_checked = matches!(plan.steps.last(), Some(Step::Alternation(_))) && plan.to_end;
    if plan.to_end && !ends_checked {
        checks.push(quote!(__scanner.at_end()));
    }
    if checks.is_empty() {
        checks.push(quote!(true));
    }
    let binding = if moves {
        quote!(let mut __scanner)
    } else {
        quote!(let __scanner)
    };
    quote! {
        fn __pact_pattern(__text: &str) -> bool {
            #binding = #module::Scanner::new(__text);
            #(#checks)&&*
        }
    }
}

/// Widths beyond this keep the scanner: a longer array pattern only grows the code.
const MAX_FIXED: usize = 64;

/// One pattern per byte, when the plan is anchored at both ends and every step has a fixed
/// width (literals, and runs of a nonempty class repeated an exact number of times), as in
/// `^ORD-[0-9]{4}$`: the text matches when it has exactly that many bytes, each in its place.
fn fixed_bytes(plan: &Plan) -> Option<Vec<TokenStream>> {
    if !plan.to_end {
        return None;
    }
    let mut bytes = Vec::new();
    for step in &plan.steps {
        match step {
            Step::Literal(literal) => {
                bytes.extend(literal.iter().map(|&byte| {
                    let byte = Literal::byte_character(byte);
                    quote!(#byte)
                }));
            }
            Step::Run { ranges, min, max } if Some(*min) == *max && !ranges.is_empty() => {
                let arms = byte_arms(ranges);
                let class = quote!(#(#arms)|*);
                for _ in 0..*min {
                    bytes.push(class.clone());
                }
            }
            _ => return None,
        }
        if bytes.len() > MAX_FIXED {
            return None;
        }
    }
    Some(bytes)
}

/// The match arms of a run's byte ranges: `b'a'` for one byte, `b'a'..=b'z'` for a range.
fn byte_arms(ranges: &[(u8, u8)]) -> impl Iterator<Item = TokenStream> + '_ {
    ranges.iter().map(|&(start, end)| {
        let start_lit = Literal::byte_character(start);
        if start == end {
            quote!(#start_lit)
        } else {
            let end = Literal::byte_character(end);
            quote!(#start_lit..=#end)
        }
    })
}
