//! A deterministic fuzz run of the whole derive over random `#[validate(...)]` and `#[dto(...)]`
//! attributes and field types: it never panics, and what it emits is either `compile_error!`s
//! (beside stub impls) or items that parse. `PACT_FUZZ_CASES=200000 cargo test -p pact-derive
//! fuzz` runs a long one; `PACT_FUZZ_SEED` picks another sequence.

use std::fmt::Write as _;
use std::panic;

/// A small deterministic generator (`SplitMix64`), enough to pick among choices.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const NAMES: &[&str] = &[
    "email",
    "url",
    "ip",
    "uuid",
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
    "contains",
    "prefix",
    "non_empty",
    "min",
    "max",
    "equal",
    "bytes",
    "exclusive_min",
    "exclusive_max",
    "code",
    "message",
    "context",
    "schema",
    "path",
    "trim",
    "lowercase",
    "uppercase",
    "from",
    "into",
    "try_into",
    "patch",
    "skip",
    "partial",
    "by_value",
    "default",
    "with",
    "error",
    "rename",
    "target",
    "crate",
    "lenght",
    "a",
    "b",
    "User",
    "self",
    "r#type",
];

const VALUES: &[&str] = &[
    "0",
    "1",
    "10",
    "-1",
    "10u8",
    "1i64",
    "-0.5f64",
    "1.5",
    "1e400",
    "9007199254740993",
    "\"\"",
    "\"a\"",
    "\"^[a-z]+$\"",
    "\"[a-z]*\"",
    "\"(\"",
    "\"\\u{202e}\"",
    "\"a b\"",
    "r\"^\\w{1000}{1000}$\"",
    "true",
    "false",
    "'c'",
    "b\"x\"",
    "User",
    "::pact",
    "a::b",
    "|x| x",
    "f()",
    "[1, 2]",
    "(1, 2)",
    "MAX",
    "-",
    "=",
    ",",
    "()",
    "{}",
    "<>",
];

const TYPES: &[&str] = &[
    "String",
    "u8",
    "i64",
    "f64",
    "bool",
    "Option<String>",
    "Option<u8>",
    "Vec<String>",
    "Vec<u8>",
    "pact::Patch<String>",
    "Patch<u8>",
    "BTreeMap<String, u8>",
    "Box<Inner>",
    "Maybe<String>",
    "&'a str",
    "T",
    "[u8; 4]",
    "(u8, u8)",
    "<T as Tr>::X",
    "Inner",
];

/// A random attribute argument list, nested up to `depth`.
fn args(rng: &mut Rng, depth: usize, out: &mut String) {
    let count = rng.below(4);
    for i in 0..count {
        if i > 0 || rng.below(8) == 0 {
            out.push_str(", ");
        }
        out.push_str(rng.pick(NAMES));
        match rng.below(if depth == 0 { 2 } else { 3 }) {
            0 => {}
            1 => {
                let _ = write!(out, " = {}", rng.pick(VALUES));
            }
            _ => {
                out.push('(');
                args(rng, depth - 1, out);
                out.push(')');
            }
        }
    }
    if rng.below(10) == 0 {
        out.push_str(rng.pick(VALUES));
    }
}

fn attr(rng: &mut Rng, out: &mut String) {
    let name = if rng.below(2) == 0 { "validate" } else { "dto" };
    match rng.below(12) {
        0 => {
            let _ = write!(out, "#[{name}] ");
        }
        1 => {
            let _ = write!(out, "#[{name} = 1] ");
        }
        _ => {
            let _ = write!(out, "#[{name}(");
            args(rng, 2, out);
            out.push_str(")] ");
        }
    }
}

fn input(rng: &mut Rng) -> String {
    let mut out = String::new();
    for _ in 0..rng.below(3) {
        attr(rng, &mut out);
    }
    if rng.below(4) == 0 {
        out.push_str("#[serde(rename_all = \"camelCase\")] ");
    }
    let named = rng.below(3) != 0;
    let is_enum = rng.below(5) == 0;
    let mut fields = String::new();
    for index in 0..rng.below(4) {
        for _ in 0..rng.below(3) {
            attr(rng, &mut fields);
        }
        if named {
            let _ = write!(fields, "{}: ", ["a", "b", "c", "__value", "r#type"][index]);
        }
        let _ = write!(fields, "{}, ", rng.pick(TYPES));
    }
    let body = if named {
        format!("{{ {fields} }}")
    } else {
        format!("({fields})")
    };
    if is_enum {
        let _ = write!(out, "enum Dto<'a, T> {{ A {body}, B }}");
    } else if named {
        let _ = write!(out, "struct Dto<'a, T> {body}");
    } else {
        let _ = write!(out, "struct Dto<'a, T> {body};");
    }
    out
}

#[test]
fn the_derive_never_panics_and_rejects_with_compile_errors() {
    let cases: usize = std::env::var("PACT_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3000);
    let seed: u64 = std::env::var("PACT_FUZZ_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0x5EED);
    let mut rng = Rng(seed);
    let (mut rejected, mut parsed) = (0, 0);
    for _ in 0..cases {
        let source = input(&mut rng);
        let Ok(derive_input) = syn::parse_str::<syn::DeriveInput>(&source) else {
            continue;
        };
        parsed += 1;
        let out = panic::catch_unwind(|| crate::dto::derive(&derive_input).to_string())
            .unwrap_or_else(|_| panic!("the derive panicked on: {source}"));
        if out.contains("compile_error") {
            rejected += 1;
        } else {
            assert!(
                syn::parse_str::<syn::File>(&out).is_ok(),
                "accepted, but the expansion does not parse: {source}\n{out}"
            );
        }
    }
    // The generator must exercise both paths.
    assert!(parsed > cases / 2, "{parsed} of {cases} inputs parsed");
    assert!(
        rejected > 0 && rejected < parsed,
        "{rejected} of {parsed} rejected"
    );
}
