//! The generated schemas agree with pact's validation: for a corpus of DTOs covering every
//! rule that maps to a JSON Schema keyword, random JSON values get the same verdict from a
//! JSON Schema validator (the `jsonschema` crate) on `ToSchema`'s schema as from `validate()`.
//!
//! Rules that map only partly are checked in `partly_mapped_rules_are_noted_not_claimed`:
//! `email`, `url`, `uuid`, `ipv4`, `ipv6` become `format`s, which JSON Schema validators treat
//! as annotations by default and check by their own grammar when asked; `length(.., bytes)`,
//! `custom`, `must_match`, `schema`, `ip`, `ascii`, `alphanumeric`, `credit_card` and
//! `does_not_contain` are listed in `x-pact-rules` instead.
#![cfg(feature = "openapi")]

use std::collections::BTreeMap;

use pact::Validate;
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use utoipa::PartialSchema;

#[derive(Debug, serde::Deserialize, pact::Dto)]
struct Lengths {
    #[validate(length(min = 2, max = 5))]
    text: String,
    #[validate(length(min = 1, max = 3))]
    list: Vec<u8>,
    #[validate(length(equal = 3))]
    exact: String,
    #[validate(non_empty)]
    filled: String,
    #[validate(non_empty)]
    items: Vec<u8>,
}

#[derive(Debug, serde::Deserialize, pact::Dto)]
struct Ranges {
    #[validate(range(min = -5, max = 10))]
    int: i32,
    #[validate(range(exclusive_min = 0.0, exclusive_max = 1.0))]
    ratio: f64,
    #[validate(range(min = 3))]
    small: u8,
}

#[derive(Debug, serde::Deserialize, pact::Dto)]
struct Texts {
    #[validate(pattern(r"^[a-c]+[0-9]?$"))]
    word: String,
    #[validate(prefix("a."))]
    start: String,
    #[validate(suffix("$x"))]
    end: String,
    #[validate(contains("+"))]
    middle: String,
    #[validate(one_of("a", "b.", "é"))]
    choice: String,
}

#[derive(Debug, serde::Deserialize, pact::Dto)]
struct Elements {
    #[validate(each(length(max = 2)))]
    tags: Vec<String>,
    #[validate(keys(length(min = 1, max = 2)))]
    labels: BTreeMap<String, u8>,
}

#[derive(Debug, serde::Deserialize, pact::Dto)]
struct Presence {
    #[validate(required)]
    needed: Option<String>,
    #[validate(length(max = 2))]
    maybe: Option<String>,
}

/// Both verdicts on `value`: (schema, pact). A value serde rejects is left out (`None`): what
/// is compared is the rules, not serde's typing.
fn verdicts<T: PartialSchema + DeserializeOwned + Validate>(value: &Value) -> Option<(bool, bool)> {
    let schema = serde_json::to_value(T::schema()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let dto: T = serde_json::from_value(value.clone()).ok()?;
    Some((validator.is_valid(value), dto.validate().is_ok()))
}

fn agree<T: PartialSchema + DeserializeOwned + Validate>(
    value: &Value,
) -> Result<(), TestCaseError> {
    if let Some((schema, pact)) = verdicts::<T>(value) {
        prop_assert_eq!(schema, pact, "schema and validation disagree on {}", value);
    }
    Ok(())
}

/// Short strings over an alphabet that makes the rules bite: multi-byte `é` (lengths count
/// characters), regex metacharacters, digits.
fn text() -> impl Strategy<Value = String> {
    "[abc0-9.+$xé]{0,6}"
}

fn list() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..5)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn lengths(text in text(), list in list(), exact in text(), filled in text(), items in list()) {
        agree::<Lengths>(&json!({"text": text, "list": list, "exact": exact, "filled": filled, "items": items}))?;
    }

    #[test]
    fn ranges(int in -10i32..15, ratio in prop_oneof![Just(0.0), Just(1.0), -0.5f64..1.5], small in any::<u8>()) {
        agree::<Ranges>(&json!({"int": int, "ratio": ratio, "small": small}))?;
    }

    #[test]
    fn texts(word in text(), start in prop_oneof![text(), text().prop_map(|t| format!("a.{t}"))],
             end in prop_oneof![text(), text().prop_map(|t| format!("{t}$x"))], middle in text(),
             choice in prop_oneof![Just("a".to_owned()), Just("b.".to_owned()), Just("é".to_owned()), text()]) {
        agree::<Texts>(&json!({"word": word, "start": start, "end": end, "middle": middle, "choice": choice}))?;
    }

    #[test]
    fn elements(tags in prop::collection::vec(text(), 0..4), labels in prop::collection::btree_map(text(), any::<u8>(), 0..4)) {
        agree::<Elements>(&json!({"tags": tags, "labels": labels}))?;
    }

    #[test]
    fn presence(needed in prop::option::of(text()), maybe in prop::option::of(text()), absent in any::<(bool, bool)>()) {
        let mut value = serde_json::Map::new();
        if !absent.0 { value.insert("needed".into(), json!(needed)); }
        if !absent.1 { value.insert("maybe".into(), json!(maybe)); }
        agree::<Presence>(&Value::Object(value))?;
    }
}

#[derive(Debug, serde::Deserialize, pact::Dto)]
struct Formats {
    #[validate(email)]
    email: String,
    #[validate(length(max = 4, bytes))]
    bytes: String,
}

/// Partly mapped rules: the format is documented; the byte length is listed, not claimed as a
/// keyword (JSON Schema counts characters). Each differs from validation on a known value.
#[test]
fn partly_mapped_rules_are_noted_not_claimed() {
    let schema = serde_json::to_value(Formats::schema()).unwrap();
    assert_eq!(schema["properties"]["email"]["format"], "email");
    assert!(schema["properties"]["bytes"].get("maxLength").is_none());
    assert_eq!(
        schema["properties"]["bytes"]["x-pact-rules"],
        json!(["length(max = 4, bytes)"])
    );
    // "éé" is 2 characters and 4 bytes: valid for both; "ééé" is 6 bytes, which only pact refuses.
    let (schema_ok, pact_ok) =
        verdicts::<Formats>(&json!({"email": "a@b.example", "bytes": "ééé"})).unwrap();
    assert!(schema_ok && !pact_ok);
    // A format is an annotation unless the validator is asked to check it.
    let (schema_ok, pact_ok) =
        verdicts::<Formats>(&json!({"email": "not an address", "bytes": ""})).unwrap();
    assert!(schema_ok && !pact_ok);
}

/// The corpus bites: for each DTO, a value both accept and values both refuse, one per rule,
/// so the random comparison above is not between two checks that pass everything.
#[test]
fn both_sides_accept_and_refuse() {
    let lengths = json!({"text": "éé", "list": [1], "exact": "abc", "filled": "x", "items": [0]});
    assert_eq!(verdicts::<Lengths>(&lengths), Some((true, true)));
    for (key, bad) in [
        ("text", json!("é")),
        ("list", json!([])),
        ("exact", json!("ab")),
        ("filled", json!("")),
        ("items", json!([])),
    ] {
        let mut value = lengths.clone();
        value[key] = bad;
        assert_eq!(verdicts::<Lengths>(&value), Some((false, false)), "{key}");
    }
    let ranges = json!({"int": -5, "ratio": 0.5, "small": 3});
    assert_eq!(verdicts::<Ranges>(&ranges), Some((true, true)));
    for (key, bad) in [
        ("int", json!(11)),
        ("ratio", json!(0.0)),
        ("ratio", json!(1.0)),
        ("small", json!(2)),
    ] {
        let mut value = ranges.clone();
        value[key] = bad;
        assert_eq!(verdicts::<Ranges>(&value), Some((false, false)), "{key}");
    }
    let texts =
        json!({"word": "ab1", "start": "a.b", "end": "b$x", "middle": "1+1", "choice": "é"});
    assert_eq!(verdicts::<Texts>(&texts), Some((true, true)));
    for (key, bad) in [
        ("word", json!("ab12")),
        ("start", json!("ab.")),
        ("end", json!("$xb")),
        ("middle", json!("11")),
        ("choice", json!("b")),
    ] {
        let mut value = texts.clone();
        value[key] = bad;
        assert_eq!(verdicts::<Texts>(&value), Some((false, false)), "{key}");
    }
    let elements = json!({"tags": ["ab"], "labels": {"é": 1}});
    assert_eq!(verdicts::<Elements>(&elements), Some((true, true)));
    assert_eq!(
        verdicts::<Elements>(&json!({"tags": ["abc"], "labels": {}})),
        Some((false, false))
    );
    assert_eq!(
        verdicts::<Elements>(&json!({"tags": [], "labels": {"abc": 1}})),
        Some((false, false))
    );
    assert_eq!(
        verdicts::<Presence>(&json!({"needed": "x"})),
        Some((true, true))
    );
    assert_eq!(
        verdicts::<Presence>(&json!({"needed": null})),
        Some((false, false))
    );
    assert_eq!(verdicts::<Presence>(&json!({})), Some((false, false)));
    assert_eq!(
        verdicts::<Presence>(&json!({"needed": "x", "maybe": "abc"})),
        Some((false, false))
    );
}
