//! `length` rules with integer-literal bounds carry messages the derive wrote when it expanded
//! (one in characters, one in items): the same message and params as `rules::length`.
use pact::Validate;

#[derive(pact::Dto)]
struct Lengths {
    #[validate(length(min = 3, max = 20))]
    between: String,
    #[validate(length(min = 1))]
    at_least_one: String,
    #[validate(length(max = 1))]
    at_most_one: Vec<u8>,
    #[validate(length(equal = 4))]
    exactly: Vec<u8>,
    #[validate(length(min = 2, max = 3), each(length(max = 2)))]
    items: Vec<String>,
}

#[test]
fn derived_length_messages_are_the_rules_messages() {
    use pact::validation::rules::length;
    let value = Lengths {
        between: "ab".into(),
        at_least_one: String::new(),
        at_most_one: vec![1, 2],
        exactly: vec![1],
        items: vec!["héllo".into()],
    };
    let errors = value.validate().unwrap_err();
    let expected = [
        length("ab", Some(3), Some(20), None),
        length("", Some(1), None, None),
        length(&vec![1_u8, 2], None, Some(1), None),
        length(&vec![1_u8], None, None, Some(4)),
        length(&vec![String::new()], Some(2), Some(3), None),
        length("héllo", None, Some(2), None),
    ];
    assert_eq!(errors.len(), expected.len(), "{errors}");
    for (derived, expected) in errors.errors().iter().zip(expected) {
        let expected = expected.unwrap_err();
        assert_eq!(derived.message, expected.message, "{}", derived.path);
        assert_eq!(derived.code, expected.code);
        assert_eq!(derived.params, expected.params, "{}", derived.path);
    }
}
