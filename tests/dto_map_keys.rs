//! The paths of map entries: a map the derive reads as keyed by `String` renders its keys
//! without `Debug` (`validation::keyed`), and must give the same paths as any other map; a type
//! of the same name that is not one (here a user's own `HashMap`) still walks through
//! `Elements` and `MapKeys`.

use std::collections::BTreeMap;
use std::collections::HashMap;

use pact::{Validate, ValidationErrors};

/// `(path, code)` of every violation, sorted (map order is not fixed).
fn report(errors: &ValidationErrors) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = errors
        .errors()
        .iter()
        .map(|e| (e.path.clone(), e.code.to_string()))
        .collect();
    pairs.sort();
    pairs
}

#[derive(pact::Dto)]
struct Labels {
    #[validate(keys(length(max = 3)), each(length(min = 1)))]
    by_name: HashMap<String, String>,
    #[validate(each(range(max = 9)))]
    counts: Option<BTreeMap<String, u32>>,
    #[validate(keys(range(max = 9)))]
    by_number: BTreeMap<u32, String>,
}

#[test]
fn string_keys_are_quoted_and_escaped_as_debug_writes_them() {
    let labels = Labels {
        by_name: HashMap::from([
            ("ok".to_owned(), String::new()),
            ("quo\"te".to_owned(), "x".to_owned()),
            ("tab\t".to_owned(), "x".to_owned()),
            ("é".to_owned(), "x".to_owned()),
        ]),
        counts: Some(BTreeMap::from([("big one".to_owned(), 10)])),
        by_number: BTreeMap::from([(10, String::new())]),
    };
    let errors = labels.validate().unwrap_err();
    let expected: Vec<(String, String)> = [
        (r#"by_name["ok"]"#, "length"),
        (r#"by_name["quo\"te"]"#, "length"),
        (r#"by_name["tab\t"]"#, "length"),
        ("by_number[10]", "range"),
        (r#"counts["big one"]"#, "range"),
    ]
    .iter()
    .map(|(path, code)| ((*path).to_owned(), (*code).to_owned()))
    .collect();
    assert_eq!(report(&errors), expected);
    // "é" is one character (two bytes): within `max = 3`.
    assert!(errors.at(r#"by_name["é"]"#).next().is_none());
}

mod own {
    use std::fmt::Debug;

    use pact::validation::{Elements, MapKeys, Path};

    /// A map of the user's own, named `HashMap` and keyed by `String`.
    pub struct HashMap<K, V>(pub Vec<(K, V)>);

    impl<K: Debug, V> Elements for HashMap<K, V> {
        type Element = V;
        fn each_element(&self, path: &Path<'_>, mut f: impl FnMut(&Path<'_>, &V)) {
            for (key, value) in &self.0 {
                f(&path.key(key), value);
            }
        }
    }

    impl<K: Debug, V> MapKeys for HashMap<K, V> {
        type Key = K;
        fn each_key(&self, path: &Path<'_>, mut f: impl FnMut(&Path<'_>, &K)) {
            for (key, _) in &self.0 {
                f(&path.key(key), key);
            }
        }
    }
}

#[derive(pact::Dto)]
struct Own {
    #[validate(keys(length(max = 3)), each(range(max = 9)))]
    entries: own::HashMap<String, u32>,
}

#[test]
fn another_type_of_the_same_name_walks_through_its_own_impls() {
    let own = Own {
        entries: own::HashMap(vec![("long".to_owned(), 1), ("k".to_owned(), 10)]),
    };
    let errors = own.validate().unwrap_err();
    let expected: Vec<(String, String)> = [
        (r#"entries["k"]"#, "range"),
        (r#"entries["long"]"#, "length"),
    ]
    .iter()
    .map(|(path, code)| ((*path).to_owned(), (*code).to_owned()))
    .collect();
    assert_eq!(report(&errors), expected);
}
