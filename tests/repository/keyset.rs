//! Keyset (cursor) pages: by id and by a sortable column with ties (broken by id), both
//! ways, `NULL` first ascending, the last page without `next`, hostile cursors refused as
//! `InvalidCursor` before any SQL, and pages that stay stable while rows are inserted.

use std::collections::HashSet;
use std::sync::Arc;

use pact::repository::{CursorPage, CursorRequest, SqlBackend, SqlEntity, Store};
use pact::{RepoError, Repository, Sort, SqlRepository};

use crate::backends::{Backend, Units};
use crate::model::{Tag, User};

/// A nullable sortable column, for `NULL` in keyset positions.
#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "ranked")]
pub struct Ranked {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(sortable)]
    pub rank: Option<i32>,
    #[repo(sortable)]
    pub label: String,
}

/// The `Ranked` repository on the backend's database (its table created there).
async fn ranked(b: &Backend) -> Arc<dyn RankedRepository> {
    async fn on_sql<DB: SqlBackend>(store: &Store<DB>) -> Arc<dyn RankedRepository>
    where
        Ranked: SqlEntity<DB>,
        SqlRepository<DB, Ranked>: RankedRepository,
    {
        let pool = store.pool().expect("a SQL store has a pool").clone();
        let repo = SqlRepository::<DB, Ranked>::new(pool);
        repo.create_table().await.expect("create ranked");
        Arc::new(repo)
    }
    match &b.units {
        Units::Memory(store) => store.repository::<Ranked>(),
        Units::Sqlite(store) => on_sql(store).await,
        Units::Postgres(store) => on_sql(store).await,
        Units::MySql(store) => on_sql(store).await,
    }
}

/// Every page of a request, in order, following `next` (at most `max_pages`).
async fn all_pages<T, F, Fut>(request: CursorRequest, max_pages: usize, mut page: F) -> Vec<Vec<T>>
where
    F: FnMut(CursorRequest) -> Fut,
    Fut: std::future::Future<Output = Result<CursorPage<T>, RepoError>>,
{
    let mut pages = Vec::new();
    let mut next = request.clone();
    for _ in 0..max_pages {
        let CursorPage {
            items,
            next: cursor,
        } = page(next.clone()).await.unwrap();
        pages.push(items);
        match cursor {
            Some(cursor) => next = request.clone().after(cursor),
            None => return pages,
        }
    }
    panic!("more than {max_pages} pages");
}

pub async fn keyset_pages_by_id_both_ways(b: &Backend) {
    let users: Vec<User> = (0..25)
        .map(|i| User::new(&format!("k{i}@x"), "k", 1))
        .collect();
    let stored = b.users.insert_many(users).await.unwrap();
    let mut ids: Vec<i64> = stored.iter().map(|u| u.id).collect();
    ids.sort_unstable();

    let pages = all_pages(CursorRequest::first(10), 10, |r| {
        b.users.find_all_by_cursor(r)
    })
    .await;
    let sizes: Vec<usize> = pages.iter().map(Vec::len).collect();
    assert_eq!(sizes, [10, 10, 5], "{}", b.name);
    let seen: Vec<i64> = pages.concat().iter().map(|u| u.id).collect();
    assert_eq!(seen, ids, "{}: ascending by id", b.name);
    assert_eq!(pages[0][0], stored[0], "{}: whole rows", b.name);

    let by_id = CursorRequest::first(10).sorted(Sort::desc("id"));
    let pages = all_pages(by_id, 10, |r| b.users.find_all_by_cursor(r)).await;
    let seen: Vec<i64> = pages.concat().iter().map(|u| u.id).collect();
    ids.reverse();
    assert_eq!(seen, ids, "{}: descending by id", b.name);

    // `sort=id` is the default order: its cursors and the default's are the same.
    let first = b
        .users
        .find_all_by_cursor(CursorRequest::first(3))
        .await
        .unwrap();
    let again = CursorRequest::first(3)
        .sorted(Sort::asc("id"))
        .after(first.next.unwrap());
    let second = b.users.find_all_by_cursor(again).await.unwrap();
    assert_eq!(second.items[0].id, ids[ids.len() - 4], "{}", b.name);
}

pub async fn keyset_pages_by_a_column_break_ties_by_id(b: &Backend) {
    let names = [
        "m", "b", "z", "b", "a", "m", "b", "a", "z", "q", "b", "m", "a",
    ];
    let users: Vec<User> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let mut user = User::new(&format!("t{i}@x"), name, 1);
            user.score = f64::from(u8::try_from(i % 4).unwrap()) - 1.5;
            user
        })
        .collect();
    let stored = b.users.insert_many(users).await.unwrap();
    for (sort, limit) in [
        (Sort::asc("name"), 2),
        (Sort::desc("name"), 3),
        (Sort::asc("score"), 4),
        (Sort::desc("score"), 1),
    ] {
        let mut expected = stored.clone();
        expected.sort_by(|a, c| {
            let by_key = if sort.key == "name" {
                a.name.cmp(&c.name)
            } else {
                a.score.total_cmp(&c.score)
            };
            by_key.then(a.id.cmp(&c.id))
        });
        if sort == Sort::desc(sort.key.clone()) {
            expected.reverse();
        }
        let request = CursorRequest::first(limit).sorted(sort.clone());
        let pages = all_pages(request, 20, |r| b.users.find_all_by_cursor(r)).await;
        assert!(pages.iter().all(|p| p.len() <= limit as usize));
        assert_eq!(pages.concat(), expected, "{}: {sort}", b.name);
    }

    // An integer column with ties and a text id as the tie-breaker.
    for (slug, position) in [("c", 2), ("a", 1), ("e", 2), ("b", 2), ("d", 1), ("f", 3)] {
        let tag = Tag {
            slug: slug.into(),
            position,
            weight: 7,
        };
        b.tags.insert(tag).await.unwrap();
    }
    let slugs =
        |pages: Vec<Vec<Tag>>| -> String { pages.concat().into_iter().map(|t| t.slug).collect() };
    let asc = CursorRequest::first(2).sorted(Sort::asc("position"));
    let pages = all_pages(asc, 10, |r| b.tags.find_all_by_cursor(r)).await;
    assert_eq!(slugs(pages), "adbcef", "{}", b.name);
    let desc = CursorRequest::first(4).sorted(Sort::desc("position"));
    let pages = all_pages(desc, 10, |r| b.tags.find_all_by_cursor(r)).await;
    assert_eq!(slugs(pages), "fecbda", "{}", b.name);
}

/// `NULL` sorts first ascending and last descending, as offset pages do, and a page may end
/// on a `NULL` or on either side of them.
pub async fn keyset_pages_by_a_nullable_column(b: &Backend) {
    let ranked = ranked(b).await;
    let ranks = [
        Some(2),
        None,
        Some(1),
        None,
        Some(2),
        None,
        Some(-5),
        Some(1),
    ];
    let mut stored = Vec::new();
    for (i, rank) in ranks.into_iter().enumerate() {
        let row = Ranked {
            id: 0,
            rank,
            label: format!("r{i}"),
        };
        stored.push(ranked.insert(row).await.unwrap());
    }
    stored.sort_by(|a, c| a.rank.cmp(&c.rank).then(a.id.cmp(&c.id)));
    for limit in 1..=4 {
        let asc = CursorRequest::first(limit).sorted(Sort::asc("rank"));
        let pages = all_pages(asc, 20, |r| ranked.find_all_by_cursor(r)).await;
        assert_eq!(
            pages.concat(),
            stored,
            "{}: ascending, limit {limit}",
            b.name
        );
        let desc = CursorRequest::first(limit).sorted(Sort::desc("rank"));
        let pages = all_pages(desc, 20, |r| ranked.find_all_by_cursor(r)).await;
        let mut reversed = stored.clone();
        reversed.reverse();
        assert_eq!(
            pages.concat(),
            reversed,
            "{}: descending, limit {limit}",
            b.name
        );
    }
    // The offset pages agree.
    let offset = ranked
        .find_all(pact::PageRequest::first(50).sorted(Sort::asc("rank")))
        .await
        .unwrap();
    assert_eq!(offset.items, stored, "{}", b.name);
}

pub async fn keyset_pages_end_without_next(b: &Backend) {
    let empty = b
        .users
        .find_all_by_cursor(CursorRequest::default())
        .await
        .unwrap();
    assert_eq!(
        empty,
        CursorPage {
            items: Vec::new(),
            next: None
        },
        "{}",
        b.name
    );
    let sorted = CursorRequest::default().sorted(Sort::desc("name"));
    let empty = b.users.find_all_by_cursor(sorted).await.unwrap();
    assert!(empty.items.is_empty() && empty.next.is_none(), "{}", b.name);

    let users: Vec<User> = (0..20)
        .map(|i| User::new(&format!("e{i}@x"), "e", 1))
        .collect();
    b.users.insert_many(users).await.unwrap();
    // Exactly two full pages: the second has no `next`, so no empty third page.
    let pages = all_pages(CursorRequest::first(10), 5, |r| {
        b.users.find_all_by_cursor(r)
    })
    .await;
    assert_eq!(
        pages.iter().map(Vec::len).collect::<Vec<_>>(),
        [10, 10],
        "{}",
        b.name
    );
    // The limit is clamped to 1..=MAX_PAGE_SIZE (50 for `User`).
    let one = b
        .users
        .find_all_by_cursor(CursorRequest::first(0))
        .await
        .unwrap();
    assert_eq!(one.items.len(), 1, "{}", b.name);
    let all = b
        .users
        .find_all_by_cursor(CursorRequest::first(u32::MAX))
        .await
        .unwrap();
    assert_eq!((all.items.len(), all.next), (20, None), "{}", b.name);
}

fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
        }
    }
    out
}

/// A cursor of format version 1 sorted by `key` holding `values` (already encoded).
fn forged(key: &str, descending: bool, values: &[u8]) -> String {
    let mut bytes = vec![1, u8::from(descending), u8::try_from(key.len()).unwrap()];
    bytes.extend_from_slice(key.as_bytes());
    bytes.extend_from_slice(values);
    base64url(&bytes)
}

/// Cursors no repository wrote for the request beside them.
fn hostile_cases(
    by_name: &CursorRequest,
    real: &str,
    real_by_id: &str,
) -> Vec<(&'static str, CursorRequest)> {
    let mut text_with_nul = vec![0, 0, 0, 3, b'a', 0, b'b'];
    text_with_nul.extend_from_slice(&7_i64.to_be_bytes());
    let mut long_text = (4000_u32).to_be_bytes().to_vec();
    long_text.extend(std::iter::repeat_n(b'a', 4000));
    long_text.extend_from_slice(&7_i64.to_be_bytes());
    let mut nan = f64::NAN.to_bits().to_be_bytes().to_vec();
    nan.extend_from_slice(&7_i64.to_be_bytes());
    let mut version_two = forged("", false, &7_i64.to_be_bytes());
    version_two.replace_range(0..2, "Ag");
    vec![
        (
            "not base64",
            by_name.clone().after("%%%'; DROP TABLE users; --"),
        ),
        ("padding", by_name.clone().after(format!("{real}=="))),
        (
            "base64 of garbage",
            by_name.clone().after(base64url(b"\x07garbage bytes")),
        ),
        (
            "random bytes",
            by_name
                .clone()
                .after(base64url(&[0xff, 0x13, 0x00, 0x9c, 0x42, 0x01])),
        ),
        ("empty", by_name.clone().after("")),
        ("NUL", by_name.clone().after("AQ\0AAA")),
        ("truncated", by_name.clone().after(&real[..real.len() - 3])),
        (
            "trailing bytes",
            by_name.clone().after(format!("{real}AAAA")),
        ),
        ("huge", by_name.clone().after("A".repeat(1 << 20))),
        (
            "another sort key",
            CursorRequest::first(2)
                .sorted(Sort::asc("score"))
                .after(real),
        ),
        (
            "another direction",
            CursorRequest::first(2)
                .sorted(Sort::desc("name"))
                .after(real),
        ),
        (
            "a by-id cursor on a sort",
            by_name.clone().after(real_by_id),
        ),
        ("a sort cursor by id", CursorRequest::first(2).after(real)),
        (
            "another version",
            CursorRequest::first(2).after(version_two),
        ),
        (
            "a cursor of another key",
            CursorRequest::first(2).after(forged("email", false, &[0; 12])),
        ),
        (
            "NUL in a text value",
            by_name.clone().after(forged("name", false, &text_with_nul)),
        ),
        (
            "a text value past the cursor limit",
            by_name.clone().after(forged("name", false, &long_text)),
        ),
        (
            "NaN",
            CursorRequest::first(2)
                .sorted(Sort::asc("score"))
                .after(forged("score", false, &nan)),
        ),
        (
            "a short id",
            CursorRequest::first(2).after(forged("", false, &[0, 0, 7])),
        ),
        (
            "unknown flags",
            CursorRequest::first(2).after({
                let mut bytes = vec![1, 2, 0];
                bytes.extend_from_slice(&7_i64.to_be_bytes());
                base64url(&bytes)
            }),
        ),
    ]
}

pub async fn hostile_cursors_are_invalid(b: &Backend) {
    let users: Vec<User> = (0..5)
        .map(|i| User::new(&format!("h{i}@x"), &format!("n{i}"), 1))
        .collect();
    b.users.insert_many(users).await.unwrap();
    let by_name = CursorRequest::first(2).sorted(Sort::asc("name"));
    let real = b
        .users
        .find_all_by_cursor(by_name.clone())
        .await
        .unwrap()
        .next
        .unwrap();
    let real_by_id = b
        .users
        .find_all_by_cursor(CursorRequest::first(2))
        .await
        .unwrap()
        .next
        .unwrap();
    let cases = hostile_cases(&by_name, &real, &real_by_id);
    for (what, request) in cases {
        let err = b.users.find_all_by_cursor(request).await.unwrap_err();
        assert!(err.is_invalid_cursor(), "{}: {what}: {err:?}", b.name);
    }
    // A well-formed forged cursor is just a position.
    let forged_id = CursorRequest::first(50).after(forged("", false, &0_i64.to_be_bytes()));
    assert_eq!(
        b.users
            .find_all_by_cursor(forged_id)
            .await
            .unwrap()
            .items
            .len(),
        5,
        "{}",
        b.name
    );
    // A sort key outside the whitelist is InvalidSort, as for offset pages.
    for key in ["email; --", "bio", "session"] {
        let err = b
            .users
            .find_all_by_cursor(CursorRequest::first(2).sorted(Sort::asc(key)))
            .await
            .unwrap_err();
        assert!(
            matches!(err, RepoError::InvalidSort { .. }),
            "{}: {key}: {err:?}",
            b.name
        );
    }
    // The table is untouched.
    assert_eq!(b.users.count().await.unwrap(), 5, "{}", b.name);
}

/// The test: page through 1 000 rows while another task inserts; no row is seen twice
/// and none of the original rows is skipped. By id, and by a column with ties, descending.
pub async fn keyset_pages_stay_stable_under_concurrent_inserts(b: &Backend) {
    let users: Vec<User> = (0..1_000)
        .map(|i| User::new(&format!("s{i}@x"), &format!("n{:02}", i % 37), 1))
        .collect();
    let original: HashSet<i64> = b
        .users
        .insert_many(users)
        .await
        .unwrap()
        .iter()
        .map(|u| u.id)
        .collect();
    for (round, request) in [
        CursorRequest::first(23),
        CursorRequest::first(31).sorted(Sort::desc("name")),
    ]
    .into_iter()
    .enumerate()
    {
        let users = Arc::clone(&b.users);
        let writer = tokio::spawn(async move {
            for i in 0..150 {
                let name = format!("n{:02}", (i * 7) % 40);
                users
                    .insert(User::new(&format!("c{round}-{i}@x"), &name, 2))
                    .await
                    .unwrap();
                tokio::task::yield_now().await;
            }
        });
        let mut seen = HashSet::new();
        let mut next = request.clone();
        loop {
            let page = b.users.find_all_by_cursor(next.clone()).await.unwrap();
            for user in &page.items {
                assert!(seen.insert(user.id), "{}: {} seen twice", b.name, user.id);
            }
            tokio::task::yield_now().await;
            match page.next {
                Some(cursor) => next = request.clone().after(cursor),
                None => break,
            }
        }
        writer.await.unwrap();
        let skipped: Vec<&i64> = original.difference(&seen).collect();
        assert!(skipped.is_empty(), "{}: skipped {skipped:?}", b.name);
    }
}
