//! Hostile input: text that would break string-built SQL round-trips intact through every
//! text column, and sort keys outside the whitelist are refused before any SQL is built.

use pact::{PageRequest, RepoError, Sort};

use crate::backends::Backend;
use crate::model::User;

/// Hostile strings. MySQL stores unique columns as `VARCHAR(255)`, so the long strings for the
/// unique `email` column stay at 255 characters; the other text columns take 100 000.
fn hostile() -> Vec<String> {
    vec![
        "O'Brien \"the\" `tick`".into(),
        "'; DROP TABLE users; --".into(),
        "\\'; DELETE FROM users WHERE '1'='1".into(),
        "tab\tnew\nline\rcarriage\u{1}\u{1b}[31m\u{7f}".into(),
        "emoji 🦀👩🏽‍💻 and RTL \u{202e}txet".into(),
        "percent % underscore _ star * question ?".into(),
        "$1 ?1 :name @p1".into(),
        "🦀".repeat(255),
        " trailing spaces  ".into(),
    ]
}

pub async fn hostile_text_round_trips(b: &Backend) {
    let long: String = "🦀x'\"".repeat(25_000);
    for (i, text) in hostile().into_iter().enumerate() {
        let mut user = User::new(&text, &format!("{text}{long}"), 1);
        user.bio = Some(format!("{long}{text}"));
        let stored = b.users.insert(user.clone()).await.unwrap_or_else(|err| {
            panic!("{}: inserting hostile text #{i} failed: {err:?}", b.name)
        });
        let found = b.users.get_by_id(stored.id).await.unwrap();
        assert_eq!(
            found,
            User {
                id: stored.id,
                ..user
            },
            "{}: text #{i} changed",
            b.name
        );
        assert_eq!(
            b.users.find_by_email(&text).await.unwrap().map(|u| u.id),
            Some(stored.id),
            "{}: finding by hostile text #{i}",
            b.name
        );
    }
    assert_eq!(
        b.users.count().await.unwrap(),
        hostile().len() as u64,
        "{}",
        b.name
    );
}

pub async fn hostile_sort_keys_are_rejected(b: &Backend) {
    b.users.insert(User::new("a@x", "A", 1)).await.unwrap();
    for key in [
        "name; DROP TABLE users",
        "name DESC",
        "\"name\"",
        "`name`",
        "",
        "-",
        "1",
        "biography",
        "NAME",
        "name--",
        "(SELECT 1)",
    ] {
        let err = b
            .users
            .find_all(PageRequest::first(10).sorted(Sort::asc(key)))
            .await
            .unwrap_err();
        assert!(
            matches!(err, RepoError::InvalidSort { .. }),
            "{}: key {key:?} gave {err:?}",
            b.name
        );
    }
    let err = b
        .users
        .find_all_by_team_id(1, PageRequest::first(1).sorted(Sort::desc("x'; --")))
        .await
        .unwrap_err();
    assert!(matches!(err, RepoError::InvalidSort { .. }), "{}", b.name);
    assert_eq!(
        b.users.count().await.unwrap(),
        1,
        "{}: the table is intact",
        b.name
    );
}
