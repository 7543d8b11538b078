//! Values a column cannot hold are the client's mistake, answered alike on every backend:
//! `InvalidValue` (422, naming the field) for text or bytes longer than the column, text with
//! NUL, and NaN or infinite floats, checked before any SQL runs. Text compares by code point
//! with trailing spaces significant, and long table and column names still map conflicts
//! back to their fields.

use pact::repository::Entity as _;
use pact::{ApiError, PageRequest, RepoError};

use crate::backends::Backend;
use crate::model::{Reservation, Tag, User};

/// Asserts `err` is an `InvalidValue` of `field` with `code`, answered as a 422 naming it.
fn assert_invalid(b: &Backend, err: &RepoError, field: &str, code: &str) {
    match err {
        RepoError::InvalidValue {
            field: Some(f),
            code: c,
            ..
        } => assert_eq!((*f, *c), (field, code), "{}: {err:?}", b.name),
        other => panic!(
            "{}: expected InvalidValue of {field}, got {other:?}",
            b.name
        ),
    }
    let problem = err.problem_details();
    assert_eq!(
        (problem.status, problem.code.as_str()),
        (422, "invalid_value"),
        "{}",
        b.name
    );
    assert_eq!(problem.errors[0].path, field, "{}", b.name);
    assert_eq!(problem.errors[0].code, code, "{}", b.name);
}

fn tag(slug: &str) -> Tag {
    Tag {
        slug: slug.into(),
        position: 1,
        weight: 7,
    }
}

pub async fn trailing_spaces_are_significant(b: &Backend) {
    b.tags.insert(tag("T1")).await.unwrap();
    assert_eq!(b.tags.find_by_id("T1 ").await.unwrap(), None, "{}", b.name);
    assert!(!b.tags.exists("T1 ").await.unwrap(), "{}", b.name);
    let err = b.tags.update(tag("T1 ")).await.unwrap_err();
    assert!(err.is_not_found(), "{}: update found `T1`: {err:?}", b.name);
    assert!(
        !b.tags.delete_by_id("T1 ").await.unwrap(),
        "{}: `T1 ` deleted `T1`",
        b.name
    );
    assert_eq!(
        b.tags.get_by_id("T1").await.unwrap(),
        tag("T1"),
        "{}",
        b.name
    );
    // `T1 ` is another id, and `TRAIL ` another unique value.
    b.tags.insert(tag("T1 ")).await.unwrap();
    assert_eq!(b.tags.count().await.unwrap(), 2, "{}", b.name);
    let trail = b.users.insert(User::new("TRAIL", "a", 1)).await.unwrap();
    let spaced = b
        .users
        .insert(User::new("TRAIL ", "b", 1))
        .await
        .unwrap_or_else(|err| panic!("{}: `TRAIL ` conflicted with `TRAIL`: {err:?}", b.name));
    assert_eq!(
        b.users.find_by_email("TRAIL").await.unwrap(),
        Some(trail),
        "{}",
        b.name
    );
    assert_eq!(
        b.users.find_by_email("TRAIL ").await.unwrap(),
        Some(spaced),
        "{}",
        b.name
    );
    assert_eq!(
        b.users.find_by_email(" TRAIL").await.unwrap(),
        None,
        "{}",
        b.name
    );
}

pub async fn too_long_values_are_invalid(b: &Backend) {
    assert_eq!(
        User::COLUMNS[1].max_len,
        Some(255),
        "unique text is bounded"
    );
    assert_eq!(User::COLUMNS[3].max_len, None, "other text is not");
    let exact = "é".repeat(255);
    b.users.insert(User::new(&exact, "fits", 1)).await.unwrap();
    for email in ["é".repeat(256), "x".repeat(256), "🦀".repeat(3_000_000)] {
        let err = b.users.insert(User::new(&email, "n", 1)).await.unwrap_err();
        assert_invalid(b, &err, "email", "length");
        let err = b
            .users
            .insert_many(vec![User::new("ok@x", "n", 1), User::new(&email, "n", 1)])
            .await
            .unwrap_err();
        assert_invalid(b, &err, "email", "length");
    }
    assert_eq!(
        b.users.find_by_email("ok@x").await.unwrap(),
        None,
        "{}",
        b.name
    );
    let stored = b.users.find_by_email(&exact).await.unwrap().unwrap();
    let err = b
        .users
        .update(User {
            email: "y".repeat(300),
            ..stored.clone()
        })
        .await
        .unwrap_err();
    assert_invalid(b, &err, "email", "length");
    assert_eq!(
        b.users.get_by_id(stored.id).await.unwrap(),
        stored,
        "{}",
        b.name
    );
    // A text id is a key too.
    let err = b.tags.insert(tag(&"s".repeat(256))).await.unwrap_err();
    assert_invalid(b, &err, "slug", "length");
    // Looking up a value no column can hold finds nothing; it is no error.
    assert_eq!(b.users.find_by_email(&"x".repeat(256)).await.unwrap(), None);
    assert_eq!(b.users.count().await.unwrap(), 1, "{}", b.name);
}

pub async fn nul_in_text_is_invalid(b: &Backend) {
    let err = b
        .users
        .insert(User::new("a\0b@x", "n", 1))
        .await
        .unwrap_err();
    assert_invalid(b, &err, "email", "nul_character");
    let err = b
        .users
        .insert(User::new("a@x", "nul\0", 1))
        .await
        .unwrap_err();
    assert_invalid(b, &err, "name", "nul_character");
    let mut user = User::new("a@x", "n", 1);
    user.bio = Some("\0".into());
    let err = b.users.insert(user.clone()).await.unwrap_err();
    assert_invalid(b, &err, "bio", "nul_character");
    user.bio = None;
    let stored = b.users.insert(user).await.unwrap();
    let err = b
        .users
        .update(User {
            name: "x\0y".into(),
            ..stored.clone()
        })
        .await
        .unwrap_err();
    assert_invalid(b, &err, "name", "nul_character");
    assert_eq!(
        b.users.get_by_id(stored.id).await.unwrap(),
        stored,
        "{}",
        b.name
    );
    let err = b.tags.insert(tag("t\0")).await.unwrap_err();
    assert_invalid(b, &err, "slug", "nul_character");
    let err = b.tags.update(tag("t\0")).await.unwrap_err();
    assert_invalid(b, &err, "slug", "nul_character");
    // Lookups by text with NUL find nothing, on every backend.
    assert_eq!(
        b.users.find_by_email("a\0b@x").await.unwrap(),
        None,
        "{}",
        b.name
    );
    assert_eq!(b.tags.find_by_id("t\0").await.unwrap(), None, "{}", b.name);
    assert!(b.tags.get_by_id("t\0").await.unwrap_err().is_not_found());
    assert!(!b.tags.exists("t\0").await.unwrap(), "{}", b.name);
    assert!(!b.tags.delete_by_id("t\0").await.unwrap(), "{}", b.name);
    assert_eq!(b.users.count().await.unwrap(), 1, "{}", b.name);
}

pub async fn non_finite_floats_are_invalid(b: &Backend) {
    for score in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let mut user = User::new("f@x", "n", 1);
        user.score = score;
        let err = b.users.insert(user).await.unwrap_err();
        assert_invalid(b, &err, "score", "finite");
    }
    let mut user = User::new("f@x", "n", 1);
    user.score = f64::MAX;
    let stored = b.users.insert(user).await.unwrap();
    assert_eq!(
        b.users.get_by_id(stored.id).await.unwrap(),
        stored,
        "{}",
        b.name
    );
    let err = b
        .users
        .update(User {
            score: f64::NAN,
            ..stored
        })
        .await
        .unwrap_err();
    assert_invalid(b, &err, "score", "finite");
}

fn reservation(id: i64, upstream: &str, partner: &str) -> Reservation {
    Reservation {
        id,
        upstream_ref: upstream.into(),
        partner_ref: partner.into(),
        centre: 3,
    }
}

pub async fn long_names_still_name_the_field(b: &Backend) {
    let keys: Vec<&str> = Reservation::COLUMNS.iter().filter_map(|c| c.key).collect();
    assert!(keys.iter().all(|key| key.len() <= 63), "{keys:?}");
    assert_eq!(keys.len(), 4, "pkey, two unique keys, one index: {keys:?}");
    assert_eq!(
        keys[1], "warehouse_inventory_reservations_by_fulfilment_cen_428a95dd_key",
        "the start of `<table>_<column>`, a hash of the whole name, the suffix"
    );
    let first = b
        .reservations
        .insert(reservation(1, "u1", "p1"))
        .await
        .unwrap();
    for (candidate, field) in [
        (reservation(2, "u1", "p2"), "upstream_ref"),
        (reservation(2, "u2", "p1"), "partner_ref"),
        (reservation(1, "u3", "p3"), "id"),
    ] {
        match b.reservations.insert(candidate).await.unwrap_err() {
            RepoError::Conflict { field: f, .. } => {
                assert_eq!(f, Some(field), "{}", b.name);
            }
            other => panic!("{}: expected Conflict of {field}, got {other:?}", b.name),
        }
    }
    let second = b
        .reservations
        .insert(reservation(2, "u2", "p2"))
        .await
        .unwrap();
    let err = b
        .reservations
        .update(Reservation {
            partner_ref: "p1".into(),
            ..second
        })
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            RepoError::Conflict {
                field: Some("partner_ref"),
                ..
            }
        ),
        "{}: {err:?}",
        b.name
    );
    let page = b
        .reservations
        .find_all_by_centre(3, PageRequest::first(1))
        .await
        .unwrap();
    assert_eq!((page.items, page.total), (vec![first], 2), "{}", b.name);
}
