//! Unit tests of the attribute checks: every misuse is a `compile_error!`, never a panic.

fn derive(source: &str) -> String {
    let input: syn::DeriveInput = syn::parse_str(source).expect("test input parses");
    crate::dto::derive(&input).to_string()
}

#[test]
fn a_pattern_compiles_here_exactly_when_it_compiles_at_run_time() {
    let patterns = [
        r"^[a-z]+$",
        r"^\w{1000}$",
        r"^\w{1000}{1000}$",
        r"^(?:a{100}){100}$",
        r"^(?:\pL{50}){2000}$",
        r"^[0-9]{1,5}$",
        // Literal searches: the runtime builds no NFA for them.
        "abc",
        "foo|bar|quux",
        "[ab][12]",
        r"(?:ab|cd){3}",
        r"(?:abc|abd){1000}",
        r"\w{1000}",
        r"(?i)\bfoo\b",
        r"(a)\w{1000}{1000}",
        r"a\b\w{1000}{1000}",
        r"[^\s\S]",
        r"(?u:\b)x",
    ];
    // Over the NFA size limit, yet a plain alternation of literals: accepted at run time.
    let many: Vec<String> = (0..300_000).map(|i| format!("k{i}")).collect();
    let many = many.join("|");
    for pattern in patterns.into_iter().chain([many.as_str()]) {
        let runtime = regex::Regex::new(pattern).is_ok();
        let lit = syn::LitStr::new(pattern, proc_macro2::Span::call_site());
        assert_eq!(
            super::pattern::check_pattern(&lit).is_ok(),
            runtime,
            "{}",
            pattern.get(..40).unwrap_or(pattern)
        );
    }
}

#[test]
fn patterns_that_match_every_string_are_rejected() {
    for pattern in ["", "a*", "^", "$", "^[0-9]*", "[a-z]*$", "(?:x|)", "a?"] {
        let lit = syn::LitStr::new(pattern, proc_macro2::Span::call_site());
        let err = super::pattern::check_pattern(&lit)
            .expect_err(pattern)
            .to_string();
        assert!(err.contains("matches every string"), "{pattern}: {err}");
    }
    for pattern in ["^$", "^a*$", "a", r"\ba*\b", "(?m)^a*$", "^(?:a|)$"] {
        let lit = syn::LitStr::new(pattern, proc_macro2::Span::call_site());
        assert!(super::pattern::check_pattern(&lit).is_ok(), "{pattern}");
    }
}

#[test]
fn reports_every_mistake_without_panicking() {
    let cases = [
        "struct A { #[validate()] a: String }",
        "#[validate()] struct A { a: String }",
        "#[dto()] struct A { a: String }",
        "struct A { #[dto()] a: String }",
        "struct A { #[validate(each())] a: Vec<String> }",
        "struct A { #[validate(keys())] a: Vec<String> }",
        "struct A { #[validate(each(nested))] a: Vec<String> }",
        "struct A { #[validate(length(max = 1u8))] a: String }",
        "struct A { #[validate(length(max = -1))] a: String }",
        "struct A { #[validate(length(max = \"1\"))] a: String }",
        "struct A { #[validate(length(max))] a: String }",
        "struct A { #[validate(length(max = 3, bytes = true))] a: String }",
        "struct A { #[validate(length(min = 0))] a: String }",
        "struct A { #[validate(range(min = 1i8))] a: i8 }",
        "struct A { #[validate(range(min = 1, exclusive_max = 1))] a: i8 }",
        "struct A { #[validate(range(exclusive_min = 1, exclusive_max = 2))] a: i8 }",
        "struct A { #[validate(range(exclusive_min = 1.0, exclusive_max = 1.0))] a: f32 }",
        "struct A { #[validate(pattern(\"a{1000}{1000}{1000}\"))] a: String }",
        "struct A { #[validate(pattern(\"x*\"))] a: String }",
        "struct A { #[validate(contains(\"\"))] a: String }",
        "struct A { #[validate(email(code = \"\"))] a: String }",
        "struct A { #[validate(email(message = \"\"))] a: String }",
        "#[validate(schema(f, path = \"b\"))] struct A { a: String }",
        "#[validate(schema(f, path = \"a\"))] struct A(String, u8);",
        "struct A { #[validate(one_of(1, 1))] a: u8 }",
    ];
    for case in cases {
        let out = derive(case);
        assert!(out.contains("compile_error"), "{case}: {out}");
    }
    let fine = [
        "struct A { #[validate(length(min = 0, max = 3))] a: String }",
        "struct A { #[validate(range(min = 1, max = 1))] a: u8 }",
        "struct A { #[validate(range(exclusive_min = 1.0, exclusive_max = 1.5))] a: f32 }",
        "struct A { #[validate(range(min = 9007199254740992, max = 9007199254740993))] a: u64 }",
        "#[validate(schema(f, path = \"a\"))] struct A { a: String }",
        "#[validate(schema(f))] struct A(String, u8);",
        "struct A { #[validate(length(max = MAX))] a: String }",
    ];
    for case in fine {
        let out = derive(case);
        assert!(!out.contains("compile_error"), "{case}: {out}");
    }
}

#[test]
fn patterns_compile_to_direct_checks_dfas_or_regex() {
    use super::pattern::{Compiled, compile};
    let kind = |pattern: &str| match compile(pattern) {
        Compiled::Direct(_) => "direct",
        Compiled::Dfa(dfa) if dfa.machine.is_some() => "machine",
        Compiled::Dfa(dfa) if dfa.dense => "dense",
        Compiled::Dfa(_) => "sparse",
        Compiled::Regex => "regex",
    };
    for pattern in [
        "^[0-9]{5}$",
        "^[A-Z]{2}-[0-9]{4,6}$",
        "^(?:usd|eur|gbp)$",
        "(?i)^abc[0-9]{2}",
        "^(?:foo|bar)-[0-9]{1,3}$",
        "^ab?c$",
        "^$",
    ] {
        assert_eq!(kind(pattern), "direct", "{pattern}");
    }
    // Unanchored; a run that what follows could begin; alternatives that are prefixes of one
    // another, followed by more; multi-line anchors; non-ASCII classes: small DFAs, as code.
    for pattern in [
        "[0-9]{3}",
        "^[a-z]+z$",
        "^(?:a|ab)c$",
        "(?m)^abc$",
        "^[^@]+@[^@]+$",
        "(?i)straße",
        "^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$",
    ] {
        assert_eq!(kind(pattern), "machine", "{pattern}");
    }
    // Over 32 states: an embedded table.
    for pattern in ["x[0-9]{40}", "^(?:[a-z][0-9]){20}[a-z]+x$"] {
        assert_eq!(kind(pattern), "dense", "{pattern}");
    }
    assert_eq!(
        kind(r"^\p{L}+$"),
        "sparse",
        "Unicode letters: a large dense table"
    );
    assert_eq!(
        kind(r"^\d{4}-\d{2}$"),
        "sparse",
        "Unicode digits: a large dense table"
    );
    assert_eq!(kind(r"\w+@\w+"), "regex", "too large a DFA");
    assert_eq!(
        kind(r"\bcat\b"),
        "regex",
        "no DFA runs a Unicode word boundary"
    );
    assert_eq!(kind(r"^\w{1000}$"), "regex", "too large a DFA");
}
