//! A pattern-heavy order: references checked by patterns, an IP address, a UUID, numeric
//! ranges and an optional field.
//!
//! | field | rules |
//! | --- | --- |
//! | `reference` | `^ORD-[0-9]{4}-[A-Z]{3}$` |
//! | `customer` | `^CUST-[0-9]{6,8}$` |
//! | `sku` | `^[A-Z]{3}-[0-9]{5}$` |
//! | `currency` | `^(?:USD|EUR|GBP)$` |
//! | `postcode` | `^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$` (UK) |
//! | `coupon: Option<String>` | `^[A-Z0-9]{8}$`, when `Some` |
//! | `client_ip` | IPv4 or IPv6 |
//! | `request_id` | UUID (hyphenated) |
//! | `quantity: u32` | range 1..=100 |
//! | `amount_cents: u64` | range 1..=1 000 000 |
//! | `discount_percent: u8` | range 0..=90 |
//!
//! Invalid: four fields fail one rule each (`reference`, `client_ip`, `quantity` 0, `coupon`).
//!
//! validator and garde have no UUID rule: they use the pattern
//! `^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`, as a user of
//! them would; validator's regexes are `LazyLock<Regex>` statics (`regex(path = *RE)`), garde
//! compiles its own the same way. The hand-written checks test each pattern with byte loops.

use super::report::{Errors, FieldError};

#[derive(Clone)]
pub struct Order {
    pub reference: String,
    pub customer: String,
    pub sku: String,
    pub currency: String,
    pub postcode: String,
    pub coupon: Option<String>,
    pub client_ip: String,
    pub request_id: String,
    pub quantity: u32,
    pub amount_cents: u64,
    pub discount_percent: u8,
}

fn valid_input() -> Order {
    Order {
        reference: "ORD-2024-ABC".into(),
        customer: "CUST-0012345".into(),
        sku: "KBD-10042".into(),
        currency: "EUR".into(),
        postcode: "SW1A 1AA".into(),
        coupon: Some("SPRING24".into()),
        client_ip: "203.0.113.42".into(),
        request_id: "67e55044-10b1-426f-9247-bb680e5fe0c8".into(),
        quantity: 3,
        amount_cents: 12_999,
        discount_percent: 10,
    }
}

/// Exactly four invalid fields, each failing one rule.
fn invalid_input() -> Order {
    Order {
        reference: "ORD-24-ABC".into(),
        client_ip: "203.0.113.420".into(),
        quantity: 0,
        coupon: Some("spring-24".into()),
        ..valid_input()
    }
}

macro_rules! copy_order {
    ($ty:ty) => {
        impl From<super::Order> for $ty {
            fn from(o: super::Order) -> Self {
                Self {
                    reference: o.reference,
                    customer: o.customer,
                    sku: o.sku,
                    currency: o.currency,
                    postcode: o.postcode,
                    coupon: o.coupon,
                    client_ip: o.client_ip,
                    request_id: o.request_id,
                    quantity: o.quantity,
                    amount_cents: o.amount_cents,
                    discount_percent: o.discount_percent,
                }
            }
        }
    };
}

pub mod pact_dto {
    #[derive(pact::Dto)]
    pub struct Order {
        #[validate(pattern("^ORD-[0-9]{4}-[A-Z]{3}$"))]
        pub reference: String,
        #[validate(pattern("^CUST-[0-9]{6,8}$"))]
        pub customer: String,
        #[validate(pattern("^[A-Z]{3}-[0-9]{5}$"))]
        pub sku: String,
        #[validate(pattern("^(?:USD|EUR|GBP)$"))]
        pub currency: String,
        #[validate(pattern("^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$"))]
        pub postcode: String,
        #[validate(pattern("^[A-Z0-9]{8}$"))]
        pub coupon: Option<String>,
        #[validate(ip)]
        pub client_ip: String,
        #[validate(uuid)]
        pub request_id: String,
        #[validate(range(min = 1, max = 100))]
        pub quantity: u32,
        #[validate(range(min = 1, max = 1_000_000))]
        pub amount_cents: u64,
        #[validate(range(max = 90))]
        pub discount_percent: u8,
    }

    copy_order!(Order);
}

pub mod validator_dto {
    use std::sync::LazyLock;

    use garde::rules::pattern::regex::Regex;
    use validator::Validate;

    fn re(pattern: &str) -> Regex {
        Regex::new(pattern).expect("the regex compiles")
    }

    static REFERENCE: LazyLock<Regex> = LazyLock::new(|| re("^ORD-[0-9]{4}-[A-Z]{3}$"));
    static CUSTOMER: LazyLock<Regex> = LazyLock::new(|| re("^CUST-[0-9]{6,8}$"));
    static SKU: LazyLock<Regex> = LazyLock::new(|| re("^[A-Z]{3}-[0-9]{5}$"));
    static CURRENCY: LazyLock<Regex> = LazyLock::new(|| re("^(?:USD|EUR|GBP)$"));
    static POSTCODE: LazyLock<Regex> =
        LazyLock::new(|| re("^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$"));
    static COUPON: LazyLock<Regex> = LazyLock::new(|| re("^[A-Z0-9]{8}$"));
    static UUID: LazyLock<Regex> = LazyLock::new(|| {
        re("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
    });

    #[derive(Validate)]
    pub struct Order {
        #[validate(regex(path = *REFERENCE))]
        pub reference: String,
        #[validate(regex(path = *CUSTOMER))]
        pub customer: String,
        #[validate(regex(path = *SKU))]
        pub sku: String,
        #[validate(regex(path = *CURRENCY))]
        pub currency: String,
        #[validate(regex(path = *POSTCODE))]
        pub postcode: String,
        #[validate(regex(path = *COUPON))]
        pub coupon: Option<String>,
        #[validate(ip)]
        pub client_ip: String,
        #[validate(regex(path = *UUID))]
        pub request_id: String,
        #[validate(range(min = 1, max = 100))]
        pub quantity: u32,
        #[validate(range(min = 1, max = 1_000_000))]
        pub amount_cents: u64,
        #[validate(range(max = 90))]
        pub discount_percent: u8,
    }

    copy_order!(Order);
}

pub mod garde_dto {
    #[derive(garde::Validate)]
    pub struct Order {
        #[garde(pattern(r"^ORD-[0-9]{4}-[A-Z]{3}$"))]
        pub reference: String,
        #[garde(pattern(r"^CUST-[0-9]{6,8}$"))]
        pub customer: String,
        #[garde(pattern(r"^[A-Z]{3}-[0-9]{5}$"))]
        pub sku: String,
        #[garde(pattern(r"^(?:USD|EUR|GBP)$"))]
        pub currency: String,
        #[garde(pattern(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$"))]
        pub postcode: String,
        #[garde(pattern(r"^[A-Z0-9]{8}$"))]
        pub coupon: Option<String>,
        #[garde(ip)]
        pub client_ip: String,
        #[garde(pattern(
            r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
        ))]
        pub request_id: String,
        #[garde(range(min = 1, max = 100))]
        pub quantity: u32,
        #[garde(range(min = 1, max = 1_000_000))]
        pub amount_cents: u64,
        #[garde(range(max = 90))]
        pub discount_percent: u8,
    }

    copy_order!(Order);
}

/// The same checks written out by hand, without a regex.
pub mod hand {
    use super::{Errors, FieldError, Order};

    type Class = fn(u8) -> bool;

    /// `bytes` splits into runs matched by `parts`: `(class, min, max)` each, in order.
    fn runs(mut bytes: &[u8], parts: &[(Class, usize, usize)]) -> bool {
        for &(class, min, max) in parts {
            let taken = bytes.iter().take(max).take_while(|&&b| class(b)).count();
            if taken < min {
                return false;
            }
            bytes = &bytes[taken..];
        }
        bytes.is_empty()
    }

    fn upper(b: u8) -> bool {
        b.is_ascii_uppercase()
    }
    fn digit(b: u8) -> bool {
        b.is_ascii_digit()
    }
    fn upper_or_digit(b: u8) -> bool {
        b.is_ascii_uppercase() || b.is_ascii_digit()
    }
    fn dash(b: u8) -> bool {
        b == b'-'
    }
    fn space(b: u8) -> bool {
        b == b' '
    }

    fn is_reference(text: &str) -> bool {
        text.strip_prefix("ORD-").is_some_and(|rest| {
            runs(
                rest.as_bytes(),
                &[(digit, 4, 4), (dash, 1, 1), (upper, 3, 3)],
            )
        })
    }

    fn is_customer(text: &str) -> bool {
        text.strip_prefix("CUST-")
            .is_some_and(|rest| runs(rest.as_bytes(), &[(digit, 6, 8)]))
    }

    fn is_sku(text: &str) -> bool {
        runs(
            text.as_bytes(),
            &[(upper, 3, 3), (dash, 1, 1), (digit, 5, 5)],
        )
    }

    /// `[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}`: the optional `[A-Z0-9]` may be a digit that
    /// belongs to the inward code, so both readings are tried.
    fn is_postcode(text: &str) -> bool {
        let bytes = text.as_bytes();
        let letters = bytes.iter().take(2).take_while(|&&b| upper(b)).count();
        (1..=letters).any(|letters| {
            let rest = &bytes[letters..];
            rest.first().is_some_and(|&b| digit(b))
                && [true, false].into_iter().any(|extra| {
                    let mut rest = &rest[1..];
                    if extra {
                        match rest.first() {
                            Some(&b) if upper_or_digit(b) => rest = &rest[1..],
                            _ => return false,
                        }
                    }
                    if rest.first().is_some_and(|&b| space(b)) {
                        rest = &rest[1..];
                    }
                    runs(rest, &[(digit, 1, 1), (upper, 2, 2)])
                })
        })
    }

    fn is_coupon(text: &str) -> bool {
        runs(text.as_bytes(), &[(upper_or_digit, 8, 8)])
    }

    fn is_uuid(text: &str) -> bool {
        text.len() == 36
            && text.bytes().enumerate().all(|(i, b)| match i {
                8 | 13 | 18 | 23 => b == b'-',
                _ => b.is_ascii_hexdigit(),
            })
    }

    /// Every violation.
    ///
    /// # Errors
    /// Every violation.
    pub fn validate(order: &Order) -> Result<(), Vec<FieldError>> {
        let mut errors = Errors::default();
        let pattern = "pattern";
        errors.check(
            is_reference(&order.reference),
            "reference",
            pattern,
            "ORD-nnnn-AAA",
        );
        errors.check(
            is_customer(&order.customer),
            "customer",
            pattern,
            "CUST-nnnnnn",
        );
        errors.check(is_sku(&order.sku), "sku", pattern, "AAA-nnnnn");
        errors.check(
            matches!(order.currency.as_str(), "USD" | "EUR" | "GBP"),
            "currency",
            pattern,
            "USD, EUR or GBP",
        );
        errors.check(
            is_postcode(&order.postcode),
            "postcode",
            pattern,
            "a UK postcode",
        );
        if let Some(coupon) = &order.coupon {
            errors.check(is_coupon(coupon), "coupon", pattern, "8 letters or digits");
        }
        errors.check(
            order.client_ip.parse::<std::net::IpAddr>().is_ok(),
            "client_ip",
            "ip",
            "an IP address",
        );
        errors.check(is_uuid(&order.request_id), "request_id", "uuid", "a UUID");
        errors.check(
            (1..=100).contains(&order.quantity),
            "quantity",
            "range",
            "1 to 100",
        );
        errors.check(
            (1..=1_000_000).contains(&order.amount_cents),
            "amount_cents",
            "range",
            "1 to 1000000",
        );
        errors.check(
            order.discount_percent <= 90,
            "discount_percent",
            "range",
            "at most 90",
        );
        errors.finish()
    }
}

/// Errors each contender reports on the invalid input.
pub const INVALID_ERRORS: usize = 4;

/// Every contender's input, converted outside the timed loop.
pub struct Case {
    pub input: Order,
    pub pact: pact_dto::Order,
    pub validator: validator_dto::Order,
    pub garde: garde_dto::Order,
}

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

    pub fn hand(&self) -> Result<(), Vec<FieldError>> {
        hand::validate(&self.input)
    }
}
