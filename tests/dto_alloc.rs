//! `Validate::validate` of a valid `#[derive(Dto)]` request allocates nothing.
//!
//! A counting global allocator (wrapping `System`) counts the allocations made on the current
//! thread inside `allocations(...)`; this test binary holds a single test, so nothing else runs
//! beside it.
#[path = "common/counting_alloc.rs"]
mod counting_alloc;

use std::hint::black_box;

use counting_alloc::allocations;
use pact::Validate;

#[derive(Debug, Clone, pact::Dto)]
struct Signup {
    #[validate(length(min = 3, max = 20), alphanumeric)]
    user_name: String,
    #[validate(email, length(max = 254))]
    email: String,
    #[validate(length(min = 8, max = 128))]
    password: String,
    #[validate(range(min = 18, max = 150))]
    age: u8,
    #[validate(url)]
    website: Option<String>,
    #[validate(length(max = 10), each(length(min = 1, max = 20)))]
    tags: Vec<String>,
    #[validate(nested)]
    address: Address,
}

#[derive(Debug, Clone, pact::Dto)]
struct Address {
    #[validate(length(min = 1, max = 80))]
    street: String,
    #[validate(length(min = 1, max = 50))]
    city: String,
    #[validate(pattern("^[0-9]{5}$"))]
    zip: String,
}

fn valid() -> Signup {
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

#[test]
fn validating_a_valid_request_allocates_nothing() {
    let valid = valid();
    let invalid = Signup {
        user_name: "ad".into(),
        email: "ada.example.com".into(),
        age: 17,
        website: Some("not a url".into()),
        tags: vec!["math".into(), String::new()],
        address: Address {
            zip: "1234".into(),
            ..valid.address.clone()
        },
        ..valid.clone()
    };

    // The zip pattern was compiled when the derive expanded: even the first call allocates
    // nothing.
    let (count, result) = allocations(|| black_box(&valid).validate());
    assert!(result.is_ok(), "{result:?}");
    assert_eq!(
        count, 0,
        "the first validation of a valid request allocates nothing"
    );

    let (count, result) = allocations(|| black_box(&valid).validate());
    assert!(result.is_ok(), "{result:?}");
    assert_eq!(count, 0, "a valid request must validate without allocating");

    let (count, result) = allocations(|| black_box(&invalid).validate());
    let errors = result.expect_err("the request is invalid");
    let paths: Vec<&str> = errors.errors().iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "user_name",
            "email",
            "age",
            "website",
            "tags[1]",
            "address.zip"
        ]
    );
    assert!(count > 0, "the counter counts: an error report allocates");
}
