//! A cart: 20 nested line items, a list of strings and a map, so that the walk over elements,
//! map keys and nested paths is what is measured.
//!
//! | field | rules |
//! | --- | --- |
//! | `customer_name` | length 1..=80 characters |
//! | `items: Vec<LineItem>` | 1..=50 items; each nested: `name` 1..=60 characters, `quantity: u32` 1..=99, `unit_cents: u64` 1..=1 000 000, `note: Option<String>` at most 200 characters |
//! | `labels: Vec<String>` | at most 10; each 1..=20 characters |
//! | `attributes: HashMap<String, String>` | at most 16 entries; keys 1..=32 characters; values at most 100 characters |
//!
//! Invalid: `items[3].quantity` 0, `items[7].name` empty, `items[12].note` 201 characters,
//! `labels[1]` empty, and one map key of 40 characters: five violations.
//!
//! validator has no per-element or per-key rules: `labels` and `attributes` use `custom`
//! functions that report one error each (at `labels`, `attributes`); its nested items are
//! `#[validate(nested)]`. garde has neither key rules nor `inner` on maps: `attributes` uses a
//! `custom` function too. So on the invalid input validator reports 3 fields and garde 5
//! errors (pact and the hand-written checks: 5 and 5).

use std::collections::HashMap;

use super::report::{Errors, FieldError, chars_within};

#[derive(Clone)]
pub struct Cart {
    pub customer_name: String,
    pub items: Vec<LineItem>,
    pub labels: Vec<String>,
    pub attributes: HashMap<String, String>,
}

#[derive(Clone)]
pub struct LineItem {
    pub name: String,
    pub quantity: u32,
    pub unit_cents: u64,
    pub note: Option<String>,
}

fn valid_input() -> Cart {
    Cart {
        customer_name: "Ada Lovelace".into(),
        items: (0..20_u32)
            .map(|i| LineItem {
                name: format!("Difference engine part {i}"),
                quantity: 1 + i % 5,
                unit_cents: 1_000 + u64::from(i) * 250,
                note: (i % 3 == 0).then(|| "gift wrap, please".into()),
            })
            .collect(),
        labels: vec!["gift".into(), "priority".into(), "fragile".into()],
        attributes: [
            ("channel", "web"),
            ("campaign", "spring-2024"),
            ("referrer", "newsletter"),
            ("locale", "en-GB"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect(),
    }
}

/// Five violations, three of them inside the line items.
fn invalid_input() -> Cart {
    let mut cart = valid_input();
    cart.items[3].quantity = 0;
    cart.items[7].name = String::new();
    cart.items[12].note = Some("x".repeat(201));
    cart.labels[1] = String::new();
    cart.attributes.insert("k".repeat(40), "v".into());
    cart
}

macro_rules! copy_cart {
    ($cart:ident, $item:ident) => {
        impl From<super::Cart> for $cart {
            fn from(c: super::Cart) -> Self {
                Self {
                    customer_name: c.customer_name,
                    items: c
                        .items
                        .into_iter()
                        .map(|i| $item {
                            name: i.name,
                            quantity: i.quantity,
                            unit_cents: i.unit_cents,
                            note: i.note,
                        })
                        .collect(),
                    labels: c.labels,
                    attributes: c.attributes,
                }
            }
        }
    };
}

pub mod pact_dto {
    use std::collections::HashMap;

    #[derive(pact::Dto)]
    pub struct Cart {
        #[validate(length(min = 1, max = 80))]
        pub customer_name: String,
        #[validate(length(min = 1, max = 50), nested)]
        pub items: Vec<LineItem>,
        #[validate(length(max = 10), each(length(min = 1, max = 20)))]
        pub labels: Vec<String>,
        #[validate(
            length(max = 16),
            keys(length(min = 1, max = 32)),
            each(length(max = 100))
        )]
        pub attributes: HashMap<String, String>,
    }

    #[derive(pact::Dto)]
    pub struct LineItem {
        #[validate(length(min = 1, max = 60))]
        pub name: String,
        #[validate(range(min = 1, max = 99))]
        pub quantity: u32,
        #[validate(range(min = 1, max = 1_000_000))]
        pub unit_cents: u64,
        #[validate(length(max = 200))]
        pub note: Option<String>,
    }

    copy_cart!(Cart, LineItem);
}

pub mod validator_dto {
    use std::collections::HashMap;

    use validator::{Validate, ValidationError};

    fn label_lengths(labels: &[String]) -> Result<(), ValidationError> {
        if labels.iter().all(|l| (1..=20).contains(&l.chars().count())) {
            Ok(())
        } else {
            Err(ValidationError::new("length"))
        }
    }

    fn attribute_lengths(attributes: &HashMap<String, String>) -> Result<(), ValidationError> {
        if attributes
            .iter()
            .all(|(k, v)| (1..=32).contains(&k.chars().count()) && v.chars().count() <= 100)
        {
            Ok(())
        } else {
            Err(ValidationError::new("length"))
        }
    }

    #[derive(Validate)]
    pub struct Cart {
        #[validate(length(min = 1, max = 80))]
        pub customer_name: String,
        #[validate(length(min = 1, max = 50), nested)]
        pub items: Vec<LineItem>,
        #[validate(length(max = 10), custom(function = label_lengths))]
        pub labels: Vec<String>,
        #[validate(length(max = 16), custom(function = attribute_lengths))]
        pub attributes: HashMap<String, String>,
    }

    #[derive(Validate, serde::Serialize)]
    pub struct LineItem {
        #[validate(length(min = 1, max = 60))]
        pub name: String,
        #[validate(range(min = 1, max = 99))]
        pub quantity: u32,
        #[validate(range(min = 1, max = 1_000_000))]
        pub unit_cents: u64,
        #[validate(length(max = 200))]
        pub note: Option<String>,
    }

    copy_cart!(Cart, LineItem);
}

pub mod garde_dto {
    use std::collections::HashMap;

    #[allow(
        clippy::trivially_copy_pass_by_ref,
        reason = "garde passes the context by reference"
    )]
    fn attribute_lengths(attributes: &HashMap<String, String>, (): &()) -> garde::Result {
        if attributes
            .iter()
            .all(|(k, v)| (1..=32).contains(&k.chars().count()) && v.chars().count() <= 100)
        {
            Ok(())
        } else {
            Err(garde::Error::new("an entry is too long"))
        }
    }

    #[derive(garde::Validate)]
    pub struct Cart {
        #[garde(length(chars, min = 1, max = 80))]
        pub customer_name: String,
        #[garde(length(min = 1, max = 50), dive)]
        pub items: Vec<LineItem>,
        #[garde(length(max = 10), inner(length(chars, min = 1, max = 20)))]
        pub labels: Vec<String>,
        #[garde(length(max = 16), custom(attribute_lengths))]
        pub attributes: HashMap<String, String>,
    }

    #[derive(garde::Validate)]
    pub struct LineItem {
        #[garde(length(chars, min = 1, max = 60))]
        pub name: String,
        #[garde(range(min = 1, max = 99))]
        pub quantity: u32,
        #[garde(range(min = 1, max = 1_000_000))]
        pub unit_cents: u64,
        #[garde(length(chars, max = 200))]
        pub note: Option<String>,
    }

    copy_cart!(Cart, LineItem);
}

/// The same checks written out by hand: paths built with `format!` only for a violation.
pub mod hand {
    use super::{Cart, Errors, FieldError, chars_within};

    /// Every violation.
    ///
    /// # Errors
    /// Every violation.
    pub fn validate(cart: &Cart) -> Result<(), Vec<FieldError>> {
        let mut errors = Errors::default();
        errors.check(
            chars_within(&cart.customer_name, 1, 80),
            "customer_name",
            "length",
            "1 to 80 characters",
        );
        errors.check(
            (1..=50).contains(&cart.items.len()),
            "items",
            "length",
            "1 to 50 items",
        );
        for (i, item) in cart.items.iter().enumerate() {
            if !chars_within(&item.name, 1, 60) {
                errors.push(&format!("items[{i}].name"), "length", "1 to 60 characters");
            }
            if !(1..=99).contains(&item.quantity) {
                errors.push(&format!("items[{i}].quantity"), "range", "1 to 99");
            }
            if !(1..=1_000_000).contains(&item.unit_cents) {
                errors.push(&format!("items[{i}].unit_cents"), "range", "1 to 1000000");
            }
            if let Some(note) = &item.note
                && note.chars().count() > 200
            {
                errors.push(&format!("items[{i}].note"), "length", "at most 200");
            }
        }
        errors.check(cart.labels.len() <= 10, "labels", "length", "at most 10");
        for (i, label) in cart.labels.iter().enumerate() {
            if !chars_within(label, 1, 20) {
                errors.push(&format!("labels[{i}]"), "length", "1 to 20 characters");
            }
        }
        errors.check(
            cart.attributes.len() <= 16,
            "attributes",
            "length",
            "at most 16",
        );
        for (key, value) in &cart.attributes {
            if !chars_within(key, 1, 32) {
                errors.push(&format!("attributes[{key:?}]"), "length", "1 to 32");
            }
            if value.chars().count() > 100 {
                errors.push(&format!("attributes[{key:?}]"), "length", "at most 100");
            }
        }
        errors.finish()
    }
}

/// Errors pact, garde and the hand-written checks report on the invalid input.
pub const INVALID_ERRORS: usize = 5;

/// Every contender's input, converted outside the timed loop.
pub struct Case {
    pub input: Cart,
    pub pact: pact_dto::Cart,
    pub validator: validator_dto::Cart,
    pub garde: garde_dto::Cart,
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
