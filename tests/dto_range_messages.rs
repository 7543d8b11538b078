//! `range` rules with integer-literal bounds carry a message the derive wrote when it expanded
//! (so that a violation does not build it): the same message and params as `rules::range`.
use pact::Validate;

/// Range rules with literal bounds carry the message the derive wrote; it is the one
/// `rules::range` builds, for every combination of bounds.
#[derive(pact::Dto)]
struct Ranges {
    #[validate(range(min = 18, max = 150))]
    both: u8,
    #[validate(range(min = -5))]
    low: i64,
    #[validate(range(max = 1_000_000))]
    high: u64,
    #[validate(range(exclusive_min = 0, exclusive_max = 0x10))]
    exclusive: i32,
    #[validate(range(
        min = 1,
        exclusive_max = 340_282_366_920_938_463_463_374_607_431_768_211_455
    ))]
    wide: u128,
}

#[test]
fn derived_range_messages_are_the_rules_messages() {
    use pact::validation::rules::range;
    let errors = Ranges {
        both: 17,
        low: -6,
        high: 1_000_001,
        exclusive: 16,
        wide: 0,
    }
    .validate()
    .unwrap_err();
    let expected = [
        range(&17_u8, Some(&18), Some(&150), None, None),
        range(&-6_i64, Some(&-5), None, None, None),
        range(&1_000_001_u64, None, Some(&1_000_000), None, None),
        range(&16_i32, None, None, Some(&0), Some(&0x10)),
        range(&0_u128, Some(&1), None, None, Some(&u128::MAX)),
    ];
    assert_eq!(errors.len(), expected.len());
    for (derived, expected) in errors.errors().iter().zip(expected) {
        let expected = expected.unwrap_err();
        assert_eq!(derived.message, expected.message, "{}", derived.path);
        assert_eq!(derived.code, expected.code);
        assert_eq!(derived.params, expected.params, "{}", derived.path);
    }
}
