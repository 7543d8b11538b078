//! Property test of the three expansion functions on random input: structs and enums with
//! random field types, generics and attribute trees built from every key the derives know,
//! misspellings, and every kind of literal. The derives must never panic, and every rejection
//! must be a `compile_error!` spanned on the user's tokens (never on the call site).
//!
//! The suite runs a short deterministic run (a fixed seed). A long run:
//! `PACT_FUZZ_CASES=200000 cargo test -p pact-derive --release fuzz -- --nocapture`
//! (`PACT_FUZZ_SEED=<u64>` picks another seed).

use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};

use proc_macro2::{Span, TokenStream, TokenTree};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};

type Derive = fn(&syn::DeriveInput) -> TokenStream;

/// Attribute keys of the three derives, serde's, and near misses.
const KEYS: &[&str] = &[
    // ApiError
    "status",
    "code",
    "title",
    "type",
    "message",
    "header",
    "transparent",
    "crate",
    // Dto container and field keys
    "from",
    "into",
    "try_into",
    "patch",
    "skip",
    "rename",
    "with",
    "default",
    "partial",
    "target",
    "context",
    "error",
    "trim",
    "lowercase",
    "uppercase",
    "normalize",
    // validation rules
    "length",
    "range",
    "min",
    "max",
    "exclusive_min",
    "exclusive_max",
    "equal",
    "bytes",
    "chars",
    "pattern",
    "email",
    "url",
    "uuid",
    "ipv4",
    "ipv6",
    "ip",
    "nested",
    "each",
    "keys",
    "custom",
    "must_match",
    "schema",
    "path",
    "one_of",
    "non_empty",
    "required",
    "contains",
    "prefix",
    "suffix",
    "ascii",
    "alphanumeric",
    "credit_card",
    // Repository
    "table",
    "id",
    "generated",
    "unique",
    "index",
    "column",
    "sql_type",
    "version",
    // serde
    "rename_all",
    "rename_all_fields",
    "flatten",
    "tag",
    "content",
    "untagged",
    // near misses and odd names
    "lenght",
    "statuss",
    "r#type",
    "self",
    "_",
    "Status",
];

/// Values of every literal kind, paths and format strings.
const VALUES: &[&str] = &[
    "404",
    "0",
    "-1",
    "500",
    "503",
    "1000",
    "404u8",
    "18446744073709551616",
    "1.5",
    "-0.0",
    "1e400",
    "\"\"",
    "\"x\"",
    "\"{0}\"",
    "\"{{\"",
    "\"}\"",
    "\"{name}\"",
    "\"{0:?}\"",
    "\"\\u{202e}\"",
    "\"a\\u{0}b\"",
    "\"^[a-z]+$\"",
    "\"(\"",
    "\"\\\\p{L}{1000}{1000}\"",
    "\"TEXT, x INT\"",
    "\"users\"",
    "\"sqlite_x\"",
    "\"camelCase\"",
    "true",
    "false",
    "'c'",
    "b\"x\"",
    "CONFLICT",
    "StatusCode::CONFLICT",
    "a::b::CONFLICT",
    "User",
    "Vec<u8>",
    "some_fn",
    "::std::string::String",
    "[1, 2]",
    "(1)",
];

const TYPES: &[&str] = &[
    "i64",
    "u64",
    "i32",
    "u8",
    "f64",
    "bool",
    "String",
    "Option<String>",
    "Option<i64>",
    "Vec<String>",
    "Vec<Item>",
    "HashMap<String, i32>",
    "Box<Item>",
    "&'a str",
    "Item",
    "pact::Patch<String>",
    "Maybe<String>",
    "T",
    "[u8; 4]",
    "(i32, i32)",
    "uuid::Uuid",
    "std::io::Error",
    "Option<u8>",
    "Vec<u8>",
    "pact::Patch<u8>",
    "BTreeMap<String, u8>",
    "<T as Tr>::X",
    "&'a [u8]",
];

fn pick(list: &'static [&'static str]) -> impl Strategy<Value = String> {
    proptest::sample::select(list).prop_map(str::to_owned)
}

/// One meta item: `key`, `key = value`, `key(items)` or a bare literal, nested up to 3 deep.
fn meta() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        4 => pick(KEYS),
        4 => (pick(KEYS), pick(VALUES)).prop_map(|(k, v)| format!("{k} = {v}")),
        1 => pick(VALUES),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        (pick(KEYS), proptest::collection::vec(inner, 0..4))
            .prop_map(|(key, items)| format!("{key}({})", items.join(", ")))
    })
}

/// `#[name(...)]` attributes, including empty ones and the `#[name]` word form.
fn attrs() -> impl Strategy<Value = String> {
    let name = pick(&["api", "dto", "validate", "repo", "serde", "error", "doc"]);
    let one = (name, proptest::collection::vec(meta(), 0..4), any::<u8>()).prop_map(
        |(name, items, form)| match form % 8 {
            0 => format!("#[{name}]"),
            1 => format!("#[{name} = \"x\"]"),
            _ => format!("#[{name}({})]", items.join(", ")),
        },
    );
    proptest::collection::vec(one, 0..4).prop_map(|attrs| attrs.join("\n"))
}

fn fields(named: bool) -> impl Strategy<Value = String> {
    let fields = proptest::collection::vec((attrs(), pick(TYPES), any::<u8>()), 0..5);
    (fields, any::<bool>()).prop_map(move |(fields, with_id)| {
        // Half the named structs start with a plain id, so some inputs are valid entities.
        let mut out = if named && with_id {
            "#[repo(id)]\npub id: i64,\n".to_owned()
        } else {
            String::new()
        };
        for (index, (attrs, ty, name)) in fields.into_iter().enumerate() {
            let idents = [
                "id", "email", "row", "name", "value", "r#type", "inner", "source",
            ];
            if named {
                let name = idents[usize::from(name) % idents.len()];
                let _ = writeln!(out, "{attrs}\npub {name}_{index}: {ty},");
            } else {
                let _ = writeln!(out, "{attrs}\npub {ty},");
            }
        }
        out
    })
}

fn body() -> impl Strategy<Value = String> {
    let generics = || pick(&["", "<T>", "<'a>", "<'a, T: Clone>", "<T, const N: usize>"]);
    let strukt = (generics(), fields(true), fields(false), any::<u8>()).prop_map(
        |(generics, named, unnamed, form)| match form % 4 {
            0 => format!("struct Thing{generics} {{\n{named}}}"),
            1 => format!("struct Thing{generics}(\n{unnamed});"),
            2 => "struct Thing;".to_owned(),
            _ => format!("struct Thing{generics} where T: Clone {{\n{named}}}"),
        },
    );
    let variant = (attrs(), fields(true), fields(false), any::<u8>()).prop_map(
        |(attrs, named, unnamed, form)| match form % 3 {
            0 => format!("{attrs}\nA{form}"),
            1 => format!("{attrs}\nB{form} {{\n{named}}}"),
            _ => format!("{attrs}\nC{form}(\n{unnamed})"),
        },
    );
    let enumm =
        (generics(), proptest::collection::vec(variant, 0..4)).prop_map(|(generics, variants)| {
            format!("enum Thing{generics} {{\n{}\n}}", variants.join(",\n"))
        });
    prop_oneof![2 => strukt, 2 => enumm, 1 => entity()]
}

/// A plain struct of storable fields with mostly well-formed attributes, so the generator also
/// reaches the accepting path of `Repository` (and of `Dto` with sane rules).
fn entity() -> impl Strategy<Value = String> {
    let attr = prop_oneof![
        4 => Just(String::new()),
        1 => Just("#[repo(unique)]".to_owned()),
        1 => Just("#[repo(sortable)]".to_owned()),
        1 => Just("#[validate(length(max = 10))]".to_owned()),
        1 => attrs(),
    ];
    let ty = pick(&["i64", "i32", "bool", "String", "Option<String>", "f64"]);
    proptest::collection::vec((attr, ty), 0..5).prop_map(|fields| {
        let mut out =
            "#[repo(table = \"things\")]\nstruct Thing {\n#[repo(id)]\npub id: i64,\n".to_owned();
        for (index, (attr, ty)) in fields.into_iter().enumerate() {
            let _ = writeln!(out, "{attr}\npub field_{index}: {ty},");
        }
        out.push('}');
        out
    })
}

/// A whole input: container attributes, then the item. It starts on line 3, so a token of
/// the user's is never on the line `Span::call_site()` reports.
fn input() -> impl Strategy<Value = String> {
    (attrs(), body()).prop_map(|(attrs, body)| format!("\n\n{attrs}\n{body}\n"))
}

/// Every `compile_error!` in `out` must be spanned on a token of the input.
fn check_spans(out: &TokenStream, source: &str) -> Result<(), TestCaseError> {
    let call_site = Span::call_site().start();
    for token in out.clone() {
        match &token {
            TokenTree::Ident(ident) if ident == "compile_error" => {
                let start = ident.span().start();
                prop_assert!(
                    start != call_site && start.line >= 3,
                    "compile_error! spanned on the call site ({start:?}) for input:\n{source}\n{out}"
                );
            }
            TokenTree::Group(group) => check_spans(&group.stream(), source)?,
            _ => {}
        }
    }
    Ok(())
}

/// What the derive did with one input, counted so the test can check the generator reaches
/// both the accepting and the rejecting paths.
#[derive(Default)]
struct Tally {
    parsed: u32,
    rejected: u32,
}

fn run_one(derive: Derive, source: &str, tally: &mut Tally) -> Result<(), TestCaseError> {
    let Ok(input) = syn::parse_str::<syn::DeriveInput>(source) else {
        return Ok(()); // not Rust: rustc would reject it before any derive runs
    };
    tally.parsed += 1;
    let out = catch_unwind(AssertUnwindSafe(|| derive(&input)));
    let out = out.map_err(|_| TestCaseError::fail(format!("derive panicked on:\n{source}")))?;
    check_spans(&out, source)?;
    if out.to_string().contains("compile_error") {
        tally.rejected += 1;
    }
    // What the derive emits must parse as items, whether it accepted the input or not.
    syn::parse2::<syn::File>(out.clone()).map_err(|err| {
        TestCaseError::fail(format!(
            "expansion does not parse ({err}):\n{source}\n{out}"
        ))
    })?;
    Ok(())
}

thread_local! {
    static FUZZING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A derive panic is caught and reported as a failure with its input; the default hook's
/// message would only repeat it (once per shrinking step). Other tests keep the default hook.
fn quiet_panics_in_fuzz_threads() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !FUZZING.with(std::cell::Cell::get) {
                default(info);
            }
        }));
    });
}

fn fuzz(derive: Derive) {
    let cases = std::env::var("PACT_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400);
    let seed: u64 = std::env::var("PACT_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(7);
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes);
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new_with_rng(config, rng);
    quiet_panics_in_fuzz_threads();
    FUZZING.with(|flag| flag.set(true));
    let tally = std::cell::RefCell::new(Tally::default());
    let result = runner.run(&input(), |source| {
        run_one(derive, &source, &mut tally.borrow_mut())
    });
    FUZZING.with(|flag| flag.set(false));
    if let Err(err) = result {
        panic!("{err}");
    }
    // The generator must reach both paths of every derive, or the run proves little.
    let Tally { parsed, rejected } = tally.into_inner();
    assert!(parsed > cases / 2, "{parsed} of {cases} inputs parsed");
    assert!(
        rejected > 0 && rejected < parsed,
        "{rejected} of {parsed} inputs rejected"
    );
}

#[test]
fn fuzz_api_error() {
    fuzz(crate::api_error::derive);
}

#[test]
fn fuzz_dto() {
    fuzz(crate::dto::derive);
}

#[test]
fn fuzz_repository() {
    fuzz(crate::repository::derive);
}

/// The checker itself: a call-site `compile_error!` is caught, a spanned one passes.
#[test]
fn check_spans_rejects_call_site_errors() {
    let source = "\n\nstruct Thing;";
    let input: syn::DeriveInput = syn::parse_str(source).unwrap();
    let spanned = syn::Error::new_spanned(&input.ident, "bad").to_compile_error();
    assert!(check_spans(&spanned, source).is_ok());
    let unspanned = syn::Error::new(Span::call_site(), "bad").to_compile_error();
    assert!(check_spans(&unspanned, source).is_err());
}

/// The runner itself: a derive that panics is reported, not propagated.
#[test]
fn run_one_reports_panics() {
    fn panicking(_: &syn::DeriveInput) -> TokenStream {
        panic!("boom")
    }
    quiet_panics_in_fuzz_threads();
    FUZZING.with(|flag| flag.set(true));
    let result = run_one(panicking, "\n\nstruct Thing;", &mut Tally::default());
    FUZZING.with(|flag| flag.set(false));
    assert!(result.is_err());
}
