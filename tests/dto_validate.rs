//! Behaviour of `#[derive(Dto)]` validation and sanitising: every rule reports at the path the
//! client sent, with its code and params; contexts reach nested DTOs; nothing stops at the first
//! violation.

use std::collections::BTreeMap;

use pact::validation::RuleError;
use pact::{ApiError, Normalize, Validate, ValidateWith, ValidationErrors};

fn report(errors: &ValidationErrors) -> Vec<(String, String)> {
    errors
        .errors()
        .iter()
        .map(|e| (e.path.clone(), e.code.to_string()))
        .collect()
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
        .collect()
}

#[derive(Debug, Clone, serde::Deserialize, pact::Dto)]
#[serde(rename_all = "camelCase")]
struct Address {
    #[dto(trim)]
    #[validate(length(min = 1, max = 80))]
    street_name: String,
    #[serde(rename = "zip")]
    #[validate(pattern("^[0-9]{5}$"))]
    postal_code: String,
}

#[derive(Debug, Clone, serde::Deserialize, pact::Dto)]
#[serde(rename_all = "camelCase")]
struct Signup {
    #[dto(trim)]
    #[validate(length(min = 3, max = 20), alphanumeric)]
    user_name: String,
    #[dto(trim, lowercase)]
    #[validate(email, length(max = 254))]
    email: String,
    #[validate(length(min = 8, max = 128))]
    password: String,
    #[validate(must_match(password, message = "passwords differ"))]
    password_again: String,
    #[validate(range(min = 18, max = 150))]
    age: u8,
    #[validate(url)]
    website: Option<String>,
    #[validate(length(max = 3), each(length(min = 1, max = 5)))]
    tags: Vec<String>,
    #[validate(nested)]
    address: Address,
    #[validate(nested)]
    previous: Vec<Address>,
    #[validate(each(range(min = 0, max = 100)), keys(length(max = 3)))]
    scores: BTreeMap<String, i32>,
}

fn valid_signup() -> Signup {
    Signup {
        user_name: "ada".into(),
        email: "ada@example.com".into(),
        password: "correct horse".into(),
        password_again: "correct horse".into(),
        age: 36,
        website: Some("https://ada.example".into()),
        tags: vec!["math".into()],
        address: Address {
            street_name: "Main".into(),
            postal_code: "12345".into(),
        },
        previous: vec![],
        scores: BTreeMap::from([("abc".to_owned(), 7)]),
    }
}

#[test]
fn a_valid_request_passes() {
    valid_signup().validate().unwrap();
}

#[test]
fn every_violation_is_reported_at_the_client_path() {
    let request = Signup {
        user_name: "a!".into(),
        email: "not-an-email".into(),
        password: "short".into(),
        password_again: "shorter".into(),
        age: 12,
        website: Some("no scheme".into()),
        tags: vec!["ok".into(), String::new(), "toolong".into(), "x".into()],
        address: Address {
            street_name: String::new(),
            postal_code: "1234".into(),
        },
        previous: vec![
            valid_signup().address,
            Address {
                street_name: "x".into(),
                postal_code: "abcde".into(),
            },
        ],
        scores: BTreeMap::from([("k".to_owned(), 101), ("long key".to_owned(), 1)]),
    };
    let errors = request.validate().unwrap_err();
    assert_eq!(
        report(&errors),
        pairs(&[
            ("userName", "length"),
            ("userName", "alphanumeric"),
            ("email", "email"),
            ("password", "length"),
            ("passwordAgain", "must_match"),
            ("age", "range"),
            ("website", "url"),
            ("tags", "length"),
            ("tags[1]", "length"),
            ("tags[2]", "length"),
            ("address.streetName", "length"),
            ("address.zip", "pattern"),
            ("previous[1].zip", "pattern"),
            ("scores[\"k\"]", "range"),
            ("scores[\"long key\"]", "length"),
        ])
    );
}

#[test]
fn errors_carry_params_and_overridden_messages() {
    let mut request = valid_signup();
    request.age = 200;
    request.password_again = "other".into();
    let errors = request.validate().unwrap_err();
    let mismatch = errors.at("passwordAgain").next().unwrap();
    assert_eq!(mismatch.message, "passwords differ");
    assert_eq!(mismatch.params["other"], "password");
    let age = errors.at("age").next().unwrap();
    assert_eq!(age.params["min"], 18);
    assert_eq!(age.params["max"], 150);
}

#[test]
fn validation_errors_answer_422_with_the_list() {
    let mut request = valid_signup();
    request.email = "nope".into();
    let problem = request.validate().unwrap_err().problem_details();
    assert_eq!(problem.status, 422);
    assert_eq!(problem.code, "validation_failed");
    assert_eq!(problem.errors.len(), 1);
    assert_eq!(problem.errors[0].path, "email");
}

#[test]
fn normalize_trims_and_folds_case_including_nested() {
    let mut request = valid_signup();
    request.user_name = "  ada \t".into();
    request.email = " Ada@Example.COM ".into();
    request.address.street_name = "  Main  ".into();
    request.normalize();
    assert_eq!(request.user_name, "ada");
    assert_eq!(request.email, "ada@example.com");
    assert_eq!(request.address.street_name, "Main");
    request.validate().unwrap();
}

#[derive(Debug, pact::Dto)]
struct Overrides {
    #[validate(length(max = 2, code = "too_long", message = "two at most"), required)]
    nickname: Option<String>,
    #[validate(required(code = "missing"))]
    team: Option<u32>,
}

#[test]
fn required_and_code_overrides() {
    let errors = Overrides {
        nickname: None,
        team: None,
    }
    .validate()
    .unwrap_err();
    assert_eq!(
        report(&errors),
        pairs(&[("nickname", "required"), ("team", "missing")])
    );
    let errors = Overrides {
        nickname: Some("abc".into()),
        team: Some(1),
    }
    .validate()
    .unwrap_err();
    assert_eq!(errors.errors()[0].code, "too_long");
    assert_eq!(errors.errors()[0].message, "two at most");
}

// ---- enums and serde tagging ----

#[derive(Debug, serde::Deserialize, pact::Dto)]
#[serde(rename_all = "snake_case")]
enum External {
    CardPayment {
        #[validate(credit_card)]
        number: String,
    },
    Iban(#[validate(length(min = 15, max = 34))] String),
    Cash,
}

#[derive(Debug, serde::Deserialize, pact::Dto)]
#[serde(tag = "type", rename_all_fields = "camelCase")]
enum Internal {
    Card {
        #[validate(credit_card)]
        card_number: String,
    },
}

#[derive(Debug, serde::Deserialize, pact::Dto)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    Card {
        #[validate(credit_card)]
        number: String,
    },
}

#[derive(Debug, serde::Deserialize, pact::Dto)]
#[serde(untagged)]
enum Untagged {
    Card {
        #[validate(credit_card)]
        number: String,
    },
}

#[test]
fn enum_paths_follow_serde_tagging() {
    let bad = "4111 1111 1111 1112".to_owned();
    let at = |errors: ValidationErrors| errors.errors()[0].path.clone();
    assert_eq!(
        at(External::CardPayment {
            number: bad.clone()
        }
        .validate()
        .unwrap_err()),
        "card_payment.number"
    );
    assert_eq!(
        at(External::Iban("short".into()).validate().unwrap_err()),
        "iban"
    );
    External::Cash.validate().unwrap();
    External::CardPayment {
        number: "4111 1111 1111 1111".into(),
    }
    .validate()
    .unwrap();
    assert_eq!(
        at(Internal::Card {
            card_number: bad.clone()
        }
        .validate()
        .unwrap_err()),
        "cardNumber"
    );
    assert_eq!(
        at(Adjacent::Card {
            number: bad.clone()
        }
        .validate()
        .unwrap_err()),
        "c.number"
    );
    assert_eq!(
        at(Untagged::Card { number: bad }.validate().unwrap_err()),
        "number"
    );
}

#[derive(Debug, serde::Deserialize, pact::Dto)]
struct Order {
    #[validate(nested)]
    #[serde(flatten)]
    payment: Internal,
    #[validate(nested)]
    gift: Option<Box<Address>>,
}

#[test]
fn flatten_keeps_the_parent_path_and_option_box_nest() {
    let order = Order {
        payment: Internal::Card {
            card_number: "1".into(),
        },
        gift: Some(Box::new(Address {
            street_name: String::new(),
            postal_code: "12345".into(),
        })),
    };
    let errors = order.validate().unwrap_err();
    assert_eq!(
        report(&errors),
        pairs(&[("cardNumber", "credit_card"), ("gift.streetName", "length")])
    );
}

// ---- context, custom rules, schema ----

struct Clock {
    now: u64,
}

#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "custom rules take the field by reference"
)]
fn not_in_past(at: &u64, clock: &Clock) -> Result<(), RuleError> {
    if *at < clock.now {
        return Err(
            RuleError::new("in_past", "must not be in the past").with_param("now", clock.now)
        );
    }
    Ok(())
}

fn no_admin(name: &str) -> Result<(), RuleError> {
    if name.eq_ignore_ascii_case("admin") {
        return Err(RuleError::new("reserved", "this name is reserved"));
    }
    Ok(())
}

fn ends_after_start(slot: &Slot, _: &Clock) -> Result<(), RuleError> {
    if slot.end <= slot.start {
        return Err(RuleError::new("order", "must end after it starts"));
    }
    Ok(())
}

#[derive(Debug, pact::Dto)]
#[validate(context = Clock, schema(ends_after_start, path = "end"))]
struct Slot {
    #[validate(custom(not_in_past, context))]
    start: u64,
    end: u64,
}

#[derive(Debug, pact::Dto)]
#[validate(context = Clock)]
struct Booking {
    #[validate(custom(no_admin))]
    owner: String,
    #[validate(nested)]
    slots: Vec<Slot>,
    #[validate(nested)]
    address: Address, // declares no context: validated with a Clock too
}

#[test]
fn context_reaches_nested_dtos_and_schema_reports_at_its_path() {
    let booking = Booking {
        owner: "Admin".into(),
        slots: vec![Slot { start: 20, end: 30 }, Slot { start: 5, end: 4 }],
        address: Address {
            street_name: String::new(),
            postal_code: "12345".into(),
        },
    };
    let errors = booking.validate_with(&Clock { now: 10 }).unwrap_err();
    assert_eq!(
        report(&errors),
        pairs(&[
            ("owner", "reserved"),
            ("slots[1].start", "in_past"),
            ("slots[1].end", "order"),
            ("address.streetName", "length"),
        ])
    );
    assert_eq!(
        errors.at("slots[1].start").next().unwrap().params["now"],
        10
    );
}

// ---- sanitizers ----

fn collapse_spaces(text: &mut String) {
    *text = text.split_whitespace().collect::<Vec<_>>().join(" ");
}

#[derive(Debug, pact::Dto)]
struct Profile {
    #[dto(custom(collapse_spaces), uppercase)]
    display_name: String,
    #[dto(trim, lowercase)]
    #[validate(email)]
    email: Option<String>,
}

#[test]
fn sanitizers_run_in_order_and_skip_none() {
    let mut profile = Profile {
        display_name: "  ada   lovelace ".into(),
        email: Some(" ADA@X.IO ".into()),
    };
    profile.normalize();
    assert_eq!(profile.display_name, "ADA LOVELACE");
    assert_eq!(profile.email.as_deref(), Some("ada@x.io"));
    let mut profile = Profile {
        display_name: String::new(),
        email: None,
    };
    profile.normalize();
    assert_eq!(profile.email, None);
}

// ---- generics ----

#[derive(Debug, pact::Dto)]
struct Page<T> {
    #[validate(range(min = 1, max = 100))]
    size: u32,
    #[validate(nested)]
    filter: T,
}

#[test]
fn generic_dto_validates_its_parameter() {
    let page = Page {
        size: 0,
        filter: Address {
            street_name: String::new(),
            postal_code: "1".into(),
        },
    };
    let errors = page.validate().unwrap_err();
    assert_eq!(
        report(&errors),
        pairs(&[
            ("size", "range"),
            ("filter.streetName", "length"),
            ("filter.zip", "pattern")
        ])
    );
}

// ---- dates (features `chrono` and `time`) ----

#[cfg(feature = "chrono")]
#[test]
fn range_on_chrono_dates() {
    use chrono::NaiveDate;

    #[derive(pact::Dto)]
    struct Trip {
        #[validate(range(min = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()))]
        depart: NaiveDate,
    }
    let early = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    let errors = Trip { depart: early }.validate().unwrap_err();
    assert_eq!(errors.errors()[0].params["min"], "2026-01-01");
    Trip {
        depart: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
    }
    .validate()
    .unwrap();
}

#[cfg(feature = "time")]
#[test]
fn range_on_time_dates() {
    use time::{Date, Month};

    #[derive(pact::Dto)]
    struct Trip {
        #[validate(range(max = Date::from_calendar_date(2030, Month::January, 1).unwrap()))]
        back: Date,
    }
    let late = Date::from_calendar_date(2031, Month::March, 2).unwrap();
    let errors = Trip { back: late }.validate().unwrap_err();
    assert_eq!(errors.errors()[0].params["max"], "2030-01-01");
}
