//! `find_by_ids`: the rows among a list of ids in one query (one per 999 ids), ordered by id,
//! each once, the same set on every backend.

use crate::backends::Backend;
use crate::model::{Tag, User};

pub async fn find_by_ids_returns_the_stored_set(b: &Backend) {
    let users: Vec<User> = (0..5)
        .map(|i| User::new(&format!("u{i}@x"), &format!("u{i}"), 1))
        .collect();
    let stored = b.users.insert_many(users).await.unwrap();
    let ids: Vec<i64> = stored.iter().map(|u| u.id).collect();
    let asked = [ids[3], ids[0], 9_999, ids[3], ids[4]];
    let found = b.users.find_by_ids(&asked).await.unwrap();
    let expected: Vec<User> = [0, 3, 4].iter().map(|&i| stored[i].clone()).collect();
    assert_eq!(
        found, expected,
        "{}: ordered by id, each once, missing ids left out",
        b.name
    );
    assert!(
        b.users.find_by_ids(&[]).await.unwrap().is_empty(),
        "{}",
        b.name
    );
    assert!(
        b.users.find_by_ids(&[9_999]).await.unwrap().is_empty(),
        "{}",
        b.name
    );
}

pub async fn find_by_ids_of_text_ids(b: &Backend) {
    for (slug, position) in [("rust", 2), ("sql", 1), ("axum", 3), ("Rust", 4)] {
        let tag = Tag {
            slug: slug.into(),
            position,
            weight: 0,
        };
        b.tags.insert(tag).await.unwrap();
    }
    let asked: Vec<String> = ["sql", "rust ", "rust", "a\0b", "axum", "missing", "sql"]
        .iter()
        .map(|&s| s.to_owned())
        .collect();
    let found: Vec<String> = b
        .tags
        .find_by_ids(&asked)
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.slug)
        .collect();
    assert_eq!(
        found,
        ["axum", "rust", "sql"],
        "{}: exact, case- and space-sensitive matches; NUL text finds nothing",
        b.name
    );
}

/// More ids than one statement binds: the list runs in chunks, and rows in every chunk come
/// back.
pub async fn find_by_ids_of_a_long_list(b: &Backend) {
    let users: Vec<User> = (0..1_200)
        .map(|i| User::new(&format!("long{i}@x"), "l", 2))
        .collect();
    let stored = b.users.insert_many(users).await.unwrap();
    let mut asked: Vec<i64> = stored.iter().map(|u| u.id).rev().collect();
    asked.extend(100_000..101_500);
    let found = b.users.find_by_ids(&asked).await.unwrap();
    assert_eq!(found.len(), 1_200, "{}", b.name);
    assert_eq!(found, stored, "{}", b.name);
}
