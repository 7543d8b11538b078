//! `pattern(...)` rules run what the derive compiled when it expanded (a direct check, a small
//! DFA written out as code, an embedded dense or sparse DFA, or `regex` for what no DFA runs), and each accepts exactly the
//! strings `regex::Regex::is_match` accepts: checked on examples, on random strings and on
//! random edits of the examples.
use std::sync::LazyLock;

use pact::Validate;
use proptest::prelude::*;

/// One struct per pattern; `PATTERNS` lists `(source, its check, examples)`.
macro_rules! patterns {
    ($($name:ident: $pattern:literal => [$($example:literal),* $(,)?];)*) => {
        $(
            #[derive(pact::Dto)]
            struct $name {
                #[validate(pattern($pattern))]
                value: String,
            }
        )*

        type Check = fn(&str) -> bool;

        const PATTERNS: &[(&str, Check, &[&str])] = &[$((
            $pattern,
            |value| $name { value: value.to_owned() }.validate().is_ok(),
            &[$($example),*],
        )),*];
    };
}

patterns! {
    // Direct checks.
    Zip: "^[0-9]{5}$" => ["12345", "1234", "123456", "1234a", "١٢٣٤٥"];
    Fixed: "^ORD-[0-9]{4}-[A-Z0-9]{3}$" => ["ORD-2024-AB1", "ORD-2024-ab1", "ORD-224-AB1", "ORD-2024-AB12", "ORD-2024-AB"];
    Reference: "^[A-Z]{2}-[0-9]{4,6}$" => ["AB-1234", "AB-123456", "AB-1234567", "ab-1234", "AB1234"];
    Currency: "^(?:usd|eur|gbp)$" => ["usd", "eur", "gbpx", "us", ""];
    Order: "^ORD-[0-9]+$" => ["ORD-1", "ORD-", "ORD-12x", "ord-1"];
    Slug: "^[a-z0-9-]+$" => ["hello-world", "Hello", "", "a\n"];
    CasePrefix: "(?i)^abc[0-9]{2}" => ["ABC12", "abc1", "aBc99xyz", "xabc12"];
    Short: "^[a-z]{2,5}" => ["ab", "abcdefg", "a", "a1"];
    Tagged: "^(?:foo|bar)-[0-9]{1,3}$" => ["foo-1", "bar-123", "foo-1234", "baz-1"];
    Optional: "^ab?c$" => ["ac", "abc", "abbc"];
    Empty: "^$" => ["", "a", "\n"];
    // DFAs: unanchored, backtracking, Unicode classes, multi-line, prefixes of alternatives.
    Digits: "[0-9]{3}" => ["a123b", "12", "x1y2z3"];
    EndsInZ: "^[a-z]+z$" => ["abcz", "z", "zz", "abc"];
    Either: "foo|bar" => ["xfoo", "ba", "barn"];
    Dates: r"^\d{4}-\d{2}$" => ["2024-01", "٢٠٢٤-٠١", "2024-1"];
    Lines: "(?m)^abc$" => ["x\nabc\ny", "abc", "xabc"];
    Email: "^[^@]+@[^@]+$" => ["a@b", "@b", "a@b@c", "é@ü"];
    Letters: r"^\p{L}+$" => ["Zoë", "abc1", "日本語", ""];
    Words: r"\w+@\w+" => ["ab@cd", "@", "é@ü"];
    Folded: "(?i)straße" => ["STRASSE", "Straße", "strasse", "STRAẞE"];
    Prefixes: "^(?:a|ab)c$" => ["ac", "abc", "abbc"];
    // One alternative anchored, the other not: searched unanchored.
    Mixed: "^ab+c|cd" => ["abbc", "xcd", "xabc", "cd"];
    AsciiBoundary: r"(?-u:\b)cat(?-u:\b)" => ["a cat", "concat", "cat!"];
    // Over 32 states: embedded dense tables.
    Long: "x[0-9]{40}" => ["x0123456789012345678901234567890123456789", "ax012345678901234567890123456789012345678"];
    Pairs: "^(?:[a-z][0-9]){20}[a-z]+x$" => ["a1b2c3d4e5f6g7h8i9j0a1b2c3d4e5f6g7h8i9j0zx", "a1b2c3d4e5f6g7h8i9j0a1b2c3d4e5f6g7h8i9j0x"];
    // Left to `regex`: a Unicode word boundary.
    Boundary: r"\bcat\b" => ["a cat", "concat", "écat", "cat"];
}

/// Each pattern compiled by `regex`, as `PATTERNS` lists them.
static REGEXES: LazyLock<Vec<regex::Regex>> = LazyLock::new(|| {
    PATTERNS
        .iter()
        .map(|(pattern, ..)| regex::Regex::new(pattern).expect("the pattern compiles"))
        .collect()
});

fn regex_agrees(at: usize, text: &str) -> Result<(), TestCaseError> {
    let (pattern, check, _) = PATTERNS[at];
    let expected = REGEXES[at].is_match(text);
    prop_assert_eq!(check(text), expected, "{:?} on {:?}", pattern, text);
    Ok(())
}

#[test]
fn every_example_is_judged_as_regex_judges_it() {
    for (at, (_, _, examples)) in PATTERNS.iter().enumerate() {
        for example in *examples {
            regex_agrees(at, example).unwrap();
        }
    }
}

/// Characters the patterns care about, and some they do not.
const ALPHABET: &str = "[a-zA-Z0-9@. \n_-]|ß|ẞ|é|ü|Z|z|日|٢|\u{0}|\u{10FFFF}";

/// An example with characters replaced, inserted or removed.
fn edited() -> impl Strategy<Value = (usize, String)> {
    let count = PATTERNS.len();
    (
        0..count,
        any::<prop::sample::Index>(),
        prop::collection::vec((0..3_u8, any::<prop::sample::Index>(), ALPHABET), 0..4),
    )
        .prop_map(|(pattern, example, edits)| {
            let examples = PATTERNS[pattern].2;
            let mut chars: Vec<char> = examples[example.index(examples.len())].chars().collect();
            for (kind, at, text) in edits {
                let at = at.index(chars.len() + 1);
                let new = text.chars().next().unwrap_or('x');
                match kind {
                    0 if at < chars.len() => chars[at] = new,
                    1 => chars.insert(at, new),
                    _ if at < chars.len() => {
                        chars.remove(at);
                    }
                    _ => {}
                }
            }
            (pattern, chars.into_iter().collect())
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_strings_are_judged_as_regex_judges_them(text in prop::collection::vec(ALPHABET, 0..14)) {
        let text: String = text.concat();
        for at in 0..PATTERNS.len() {
            regex_agrees(at, &text)?;
        }
    }

    #[test]
    fn edited_examples_are_judged_as_regex_judges_them((pattern, text) in edited()) {
        regex_agrees(pattern, &text)?;
    }
}

#[test]
fn a_derived_pattern_reports_what_rules_pattern_reports() {
    let derived = Zip {
        value: "1234".into(),
    }
    .validate()
    .unwrap_err();
    let derived = &derived.errors()[0];
    let by_hand = pact::validation::rules::pattern("1234", &REGEXES[0], PATTERNS[0].0).unwrap_err();
    assert_eq!(derived.code, by_hand.code);
    assert_eq!(derived.message, by_hand.message);
    assert_eq!(derived.message, "must match the pattern ^[0-9]{5}$");
    assert_eq!(derived.params["pattern"], by_hand.params["pattern"]);
}
