//! The sign-up request: short strings, an e-mail address, a URL, a list of tags and one nested
//! address with a zip `pattern`.
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
//! Invalid: four fields fail one rule each (`user_name` too short, `email` malformed, `age` 17,
//! `website` not a URL).
//!
//! - `validator` has no `alphanumeric` rule and no per-element rules: `user_name` uses
//!   `custom(function = alphanumeric)` (`char::is_alphanumeric`, as pact and garde) and `tags`
//!   uses `custom(function = tag_lengths)`, which reports one error at `tags` rather than one per
//!   element. Its `zip` regex is a `LazyLock<Regex>` (`regex(path = *ZIP)`).
//! - `email`: pact checks the WHATWG syntax with RFC 5321 limits by hand; validator uses the
//!   WHATWG regexes (and IDNA for non-ASCII domains); garde uses its own parser.
//! - `url`: pact checks RFC 3986 syntax by hand (no allocation); validator and garde call
//!   `url::Url::parse`, which normalizes into a new `String`. The hand-written contenders come
//!   in both flavours: `hand` checks a scheme, `://`, a non-empty host and printable ASCII;
//!   `hand_url` calls `url::Url::parse`.
//! - The hand-written checks test the zip with `len() == 5` and ASCII digits.

/// The request as plain data: the hand-written contenders' type, and the source every other
/// contender's input is converted from (outside the timed loop).
#[derive(Clone)]
pub struct Signup {
    user_name: String,
    email: String,
    password: String,
    age: u8,
    website: Option<String>,
    tags: Vec<String>,
    address: Address,
}

#[derive(Clone)]
pub struct Address {
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

pub mod pact_dto {
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

pub mod validator_dto {
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

pub mod garde_dto {
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
pub mod hand {
    use super::super::report::{Errors, FieldError, chars_within};
    use super::Signup;

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
        errors.finish()
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

/// Every contender's input, converted outside the timed loop.
pub struct Case {
    pub input: Signup,
    pub pact: pact_dto::Signup,
    pub validator: validator_dto::Signup,
    pub garde: garde_dto::Signup,
}

/// Errors each contender reports on the invalid input (validator: fields with errors).
pub const INVALID_ERRORS: usize = 4;

impl Case {
    #[must_use]
    pub fn new(valid: bool) -> Self {
        let input = if valid {
            valid_input()
        } else {
            invalid_input()
        };
        Self {
            pact: input.clone().into(),
            validator: input.clone().into(),
            garde: input.clone().into(),
            input,
        }
    }

    pub fn pact(&self) -> Result<(), pact::ValidationErrors> {
        pact::Validate::validate(&self.pact)
    }

    pub fn validator(&self) -> Result<(), validator::ValidationErrors> {
        validator::Validate::validate(&self.validator)
    }

    pub fn garde(&self) -> Result<(), garde::Report> {
        garde::Validate::validate(&self.garde)
    }

    pub fn hand(&self) -> Result<(), Vec<super::report::FieldError>> {
        hand::validate_light(&self.input)
    }

    pub fn hand_url(&self) -> Result<(), Vec<super::report::FieldError>> {
        hand::validate_url(&self.input)
    }
}
