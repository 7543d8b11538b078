//! Validation speed of `#[derive(pact::Dto)]` against `validator`, `garde` and hand-written
//! checks, on the same signup request, in one criterion run:
//!
//! ```text
//! cargo bench --bench validation -- --noplot
//! ```
//!
//! Groups: `valid` (every rule passes) and `invalid_4` (exactly four fields fail one rule each:
//! `user_name` too short, `email` malformed, `age` 17, `website` not a URL). Each group runs
//! `pact`, `validator`, `garde`, `hand_light` and `hand_url`, and every contender builds its
//! full error report, which is dropped inside the timed loop.
//!
//! The rules, as close as each library allows:
//!
//! | field | rules |
//! | --- | --- |
//! | `user_name` | length 3..=20 characters, alphanumeric |
//! | `email` | e-mail syntax, length at most 254 characters |
//! | `password` | length 8..=128 characters |
//! | `age: u8` | range 18..=150 |
//! | `website: Option<String>` | URL, when `Some` |
//! | `tags: Vec<String>` | at most 10 elements; each 1..=20 characters |
//! | `address` (nested) | `street` 1..=80 characters, `city` 1..=50, `zip` `^[0-9]{5}$` |
//!
//! Differences between the contenders:
//!
//! - `validator` has no `alphanumeric` rule and no per-element rules: `user_name` uses
//!   `custom(function = alphanumeric)` (`char::is_alphanumeric`, as pact and garde) and `tags`
//!   uses `custom(function = tag_lengths)`, which reports one error at `tags` rather than one per
//!   element. Its `zip` regex is a `LazyLock<Regex>` (`regex(path = *ZIP)`).
//! - `email`: pact checks the WHATWG syntax with RFC 5321 limits by hand; validator uses the
//!   WHATWG regexes (and IDNA for non-ASCII domains); garde uses its own parser. All accept the
//!   valid address and reject the invalid one here.
//! - `url`: pact checks RFC 3986 syntax by hand (no allocation); validator and garde call
//!   `url::Url::parse`, which normalizes into a new `String`. The hand-written contenders come
//!   in both flavours: `hand_light` checks a scheme, `://`, a non-empty host and printable
//!   ASCII; `hand_url` calls `url::Url::parse`.
//! - String lengths count characters everywhere (garde: `length(chars, ...)`).
//! - The hand-written checks test the zip with `len() == 5` and ASCII digits instead of a regex,
//!   and report errors as `(path, code, message)` with an owned path and static code and
//!   message; pact's errors also own their code, message and a JSON map of params, validator's
//!   and garde's hold their own structures.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

/// The request as plain data: the hand-written contenders' type, and the source every other
/// contender's input is converted from (outside the timed loop).
#[derive(Clone)]
struct Signup {
    user_name: String,
    email: String,
    password: String,
    age: u8,
    website: Option<String>,
    tags: Vec<String>,
    address: Address,
}

#[derive(Clone)]
struct Address {
    street: String,
    city: String,
    zip: String,
}

fn valid_input() -> Signup {
    Signup {
        user_name: "ada1815".into(),
        email: "ada.lovelace@example.com".into(),
        password: "correct horse battery staple".into(),
        age: 36,
        website: Some("https://example.com/ada?tab=notes#engine".into()),
        tags: vec!["math".into(), "poetry".into(), "engines".into()],
        address: Address {
            street: "12 St James's Square".into(),
            city: "London".into(),
            zip: "12345".into(),
        },
    }
}

/// Exactly four invalid fields, each failing one rule.
fn invalid_input() -> Signup {
    Signup {
        user_name: "ad".into(),
        email: "ada.example.com".into(),
        age: 17,
        website: Some("not a url".into()),
        ..valid_input()
    }
}

mod pact_dto {
    #[derive(pact::Dto)]
    pub struct Signup {
        #[validate(length(min = 3, max = 20), alphanumeric)]
        pub user_name: String,
        #[validate(email, length(max = 254))]
        pub email: String,
        #[validate(length(min = 8, max = 128))]
        pub password: String,
        #[validate(range(min = 18, max = 150))]
        pub age: u8,
        #[validate(url)]
        pub website: Option<String>,
        #[validate(length(max = 10), each(length(min = 1, max = 20)))]
        pub tags: Vec<String>,
        #[validate(nested)]
        pub address: Address,
    }

    #[derive(pact::Dto)]
    pub struct Address {
        #[validate(length(min = 1, max = 80))]
        pub street: String,
        #[validate(length(min = 1, max = 50))]
        pub city: String,
        #[validate(pattern("^[0-9]{5}$"))]
        pub zip: String,
    }

    impl From<super::Signup> for Signup {
        fn from(s: super::Signup) -> Self {
            Self {
                user_name: s.user_name,
                email: s.email,
                password: s.password,
                age: s.age,
                website: s.website,
                tags: s.tags,
                address: Address {
                    street: s.address.street,
                    city: s.address.city,
                    zip: s.address.zip,
                },
            }
        }
    }
}

mod validator_dto {
    use std::sync::LazyLock;

    use garde::rules::pattern::regex::Regex;
    use validator::{Validate, ValidationError};

    static ZIP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new("^[0-9]{5}$").expect("the zip regex compiles"));

    fn alphanumeric(value: &str) -> Result<(), ValidationError> {
        if value.chars().all(char::is_alphanumeric) {
            Ok(())
        } else {
            Err(ValidationError::new("alphanumeric"))
        }
    }

    fn tag_lengths(tags: &[String]) -> Result<(), ValidationError> {
        if tags
            .iter()
            .all(|tag| (1..=20).contains(&tag.chars().count()))
        {
            Ok(())
        } else {
            Err(ValidationError::new("length"))
        }
    }

    #[derive(Validate)]
    pub struct Signup {
        #[validate(length(min = 3, max = 20), custom(function = alphanumeric))]
        pub user_name: String,
        #[validate(email, length(max = 254))]
        pub email: String,
        #[validate(length(min = 8, max = 128))]
        pub password: String,
        #[validate(range(min = 18, max = 150))]
        pub age: u8,
        #[validate(url)]
        pub website: Option<String>,
        #[validate(length(max = 10), custom(function = tag_lengths))]
        pub tags: Vec<String>,
        #[validate(nested)]
        pub address: Address,
    }

    #[derive(Validate)]
    pub struct Address {
        #[validate(length(min = 1, max = 80))]
        pub street: String,
        #[validate(length(min = 1, max = 50))]
        pub city: String,
        #[validate(regex(path = *ZIP))]
        pub zip: String,
    }

    impl From<super::Signup> for Signup {
        fn from(s: super::Signup) -> Self {
            Self {
                user_name: s.user_name,
                email: s.email,
                password: s.password,
                age: s.age,
                website: s.website,
                tags: s.tags,
                address: Address {
                    street: s.address.street,
                    city: s.address.city,
                    zip: s.address.zip,
                },
            }
        }
    }
}

mod garde_dto {
    #[derive(garde::Validate)]
    pub struct Signup {
        #[garde(length(chars, min = 3, max = 20), alphanumeric)]
        pub user_name: String,
        #[garde(email, length(chars, max = 254))]
        pub email: String,
        #[garde(length(chars, min = 8, max = 128))]
        pub password: String,
        #[garde(range(min = 18, max = 150))]
        pub age: u8,
        #[garde(url)]
        pub website: Option<String>,
        #[garde(length(max = 10), inner(length(chars, min = 1, max = 20)))]
        pub tags: Vec<String>,
        #[garde(dive)]
        pub address: Address,
    }

    #[derive(garde::Validate)]
    pub struct Address {
        #[garde(length(chars, min = 1, max = 80))]
        pub street: String,
        #[garde(length(chars, min = 1, max = 50))]
        pub city: String,
        #[garde(pattern(r"^[0-9]{5}$"))]
        pub zip: String,
    }

    impl From<super::Signup> for Signup {
        fn from(s: super::Signup) -> Self {
            Self {
                user_name: s.user_name,
                email: s.email,
                password: s.password,
                age: s.age,
                website: s.website,
                tags: s.tags,
                address: Address {
                    street: s.address.street,
                    city: s.address.city,
                    zip: s.address.zip,
                },
            }
        }
    }
}

/// The same checks written out by hand, as a service without a validation library would.
mod hand {
    use super::Signup;

    /// One violation: where, and which rule.
    pub struct FieldError {
        pub path: String,
        pub code: &'static str,
        pub message: &'static str,
    }

    #[derive(Default)]
    struct Errors(Vec<FieldError>);

    impl Errors {
        #[cold]
        #[inline(never)]
        fn push(&mut self, path: &str, code: &'static str, message: &'static str) {
            self.0.push(FieldError {
                path: path.to_owned(),
                code,
                message,
            });
        }

        fn check(&mut self, ok: bool, path: &str, code: &'static str, message: &'static str) {
            if !ok {
                self.push(path, code, message);
            }
        }
    }

    fn chars_within(text: &str, min: usize, max: usize) -> bool {
        (min..=max).contains(&text.chars().count())
    }

    /// WHATWG "valid e-mail address": `atext`/`.` local part of at most 64 bytes, then
    /// dot-separated labels of letters, digits and inner hyphens, at most 63 bytes each.
    fn is_email(email: &str) -> bool {
        let Some((local, domain)) = email.split_once('@') else {
            return false;
        };
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && local
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&b));
        local_ok
            && domain.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            })
    }

    /// A light URL check: `scheme://host...`, printable ASCII only.
    fn is_url_light(url: &str) -> bool {
        let Some((scheme, rest)) = url.split_once("://") else {
            return false;
        };
        let mut scheme_bytes = scheme.bytes();
        scheme_bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
            && scheme_bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
            && !rest.starts_with(['/', '?', '#'])
            && !rest.is_empty()
            && url.bytes().all(|b| b.is_ascii_graphic())
    }

    fn is_url_parsed(url: &str) -> bool {
        url::Url::parse(url).is_ok()
    }

    fn validate(signup: &Signup, is_url: fn(&str) -> bool) -> Result<(), Vec<FieldError>> {
        let mut errors = Errors::default();
        let name = &signup.user_name;
        errors.check(
            chars_within(name, 3, 20),
            "user_name",
            "length",
            "3 to 20 characters",
        );
        errors.check(
            name.chars().all(char::is_alphanumeric),
            "user_name",
            "alphanumeric",
            "letters and digits only",
        );
        errors.check(
            is_email(&signup.email),
            "email",
            "email",
            "not an e-mail address",
        );
        errors.check(
            signup.email.chars().count() <= 254,
            "email",
            "length",
            "at most 254 characters",
        );
        errors.check(
            chars_within(&signup.password, 8, 128),
            "password",
            "length",
            "8 to 128 characters",
        );
        errors.check(
            (18..=150).contains(&signup.age),
            "age",
            "range",
            "18 to 150",
        );
        if let Some(website) = &signup.website {
            errors.check(is_url(website), "website", "url", "not a URL");
        }
        errors.check(signup.tags.len() <= 10, "tags", "length", "at most 10 tags");
        for (index, tag) in signup.tags.iter().enumerate() {
            if !chars_within(tag, 1, 20) {
                errors.push(&format!("tags[{index}]"), "length", "1 to 20 characters");
            }
        }
        let address = &signup.address;
        errors.check(
            chars_within(&address.street, 1, 80),
            "address.street",
            "length",
            "1 to 80 characters",
        );
        errors.check(
            chars_within(&address.city, 1, 50),
            "address.city",
            "length",
            "1 to 50 characters",
        );
        errors.check(
            address.zip.len() == 5 && address.zip.bytes().all(|b| b.is_ascii_digit()),
            "address.zip",
            "pattern",
            "five digits",
        );
        if errors.0.is_empty() {
            Ok(())
        } else {
            Err(errors.0)
        }
    }

    /// The hand-written checks with the light URL check.
    ///
    /// # Errors
    /// Every violation.
    pub fn validate_light(signup: &Signup) -> Result<(), Vec<FieldError>> {
        validate(signup, is_url_light)
    }

    /// The hand-written checks with `url::Url::parse`.
    ///
    /// # Errors
    /// Every violation.
    pub fn validate_url(signup: &Signup) -> Result<(), Vec<FieldError>> {
        validate(signup, is_url_parsed)
    }
}

/// Every contender must agree on the input before it is timed.
fn check_inputs(input: &Signup, valid: bool, errors: usize) {
    use garde::Validate as _;
    use pact::Validate as _;
    use validator::Validate as _;

    let pact = pact_dto::Signup::from(input.clone()).validate();
    assert_eq!(pact.is_ok(), valid, "pact: {pact:?}");
    if let Err(report) = pact {
        assert_eq!(report.len(), errors, "pact errors: {report}");
    }
    let validator = validator_dto::Signup::from(input.clone()).validate();
    assert_eq!(validator.is_ok(), valid, "validator: {validator:?}");
    if let Err(report) = validator {
        assert_eq!(
            report.field_errors().len(),
            errors,
            "validator errors: {report}"
        );
    }
    let garde = garde_dto::Signup::from(input.clone()).validate();
    assert_eq!(garde.is_ok(), valid, "garde: {garde:?}");
    if let Err(report) = garde {
        assert_eq!(report.iter().count(), errors, "garde errors: {report}");
    }
    for (name, result) in [
        ("hand_light", hand::validate_light(input)),
        ("hand_url", hand::validate_url(input)),
    ] {
        assert_eq!(result.is_ok(), valid, "{name}");
        if let Err(report) = result {
            let found: Vec<_> = report.iter().map(|e| (e.path.as_str(), e.code)).collect();
            assert_eq!(found.len(), errors, "{name} errors: {found:?}");
            assert!(report.iter().all(|e| !e.message.is_empty()));
        }
    }
}

fn group(c: &mut Criterion, name: &str, input: &Signup) {
    use garde::Validate as _;
    use pact::Validate as _;
    use validator::Validate as _;

    let pact_input = pact_dto::Signup::from(input.clone());
    let validator_input = validator_dto::Signup::from(input.clone());
    let garde_input = garde_dto::Signup::from(input.clone());

    let mut group = c.benchmark_group(name);
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(50);
    group.bench_function("pact", |b| {
        b.iter(|| black_box(&pact_input).validate());
    });
    group.bench_function("validator", |b| {
        b.iter(|| black_box(&validator_input).validate());
    });
    group.bench_function("garde", |b| {
        b.iter(|| black_box(&garde_input).validate());
    });
    group.bench_function("hand_light", |b| {
        b.iter(|| hand::validate_light(black_box(input)));
    });
    group.bench_function("hand_url", |b| {
        b.iter(|| hand::validate_url(black_box(input)));
    });
    group.finish();
}

fn validation(c: &mut Criterion) {
    let valid = valid_input();
    let invalid = invalid_input();
    check_inputs(&valid, true, 0);
    check_inputs(&invalid, false, 4);
    group(c, "valid", &valid);
    group(c, "invalid_4", &invalid);
}

criterion_group!(benches, validation);
criterion_main!(benches);
