//! Contention and size: concurrent batches that collide end in `Conflict` for every loser
//! (deadlocks are retried, never a 500), and a row larger than the server accepts is
//! `TooLarge` (413) while the pool stays usable.

use pact::{ApiError, RepoError};

use crate::backends::Backend;
use crate::model::User;

/// How many rounds of 16 colliding batches run.
const ROUNDS: usize = 25;

/// Sixteen batches at once, each holding its own row and two shared values, half of them in
/// the other order: the databases deadlock on them (MariaDB 1213, PostgreSQL 40P01), which
/// pact retries, so exactly one batch wins and every loser is a `Conflict` on `email`.
pub async fn colliding_batches_conflict(b: &Backend) {
    for round in 0..ROUNDS {
        let (a, z) = (format!("r{round}a@x"), format!("r{round}z@x"));
        let mut tasks = Vec::new();
        for i in 0..16 {
            let users = b.users.clone();
            let (one, two) = if i % 2 == 0 { (&a, &z) } else { (&z, &a) };
            let batch = vec![
                User::new(&format!("r{round}b{i}@x"), "own", 1),
                User::new(one, "s", 1),
                User::new(two, "s", 1),
            ];
            tasks.push(tokio::spawn(async move { users.insert_many(batch).await }));
        }
        let mut won = 0;
        for task in tasks {
            match task.await.unwrap() {
                Ok(stored) => {
                    assert_eq!(stored.len(), 3);
                    won += 1;
                }
                Err(RepoError::Conflict {
                    field: Some("email"),
                    ..
                }) => {}
                Err(other) => panic!(
                    "{}: round {round}: a losing batch gave {other:?} ({})",
                    b.name,
                    other.status()
                ),
            }
        }
        assert_eq!(won, 1, "{}: round {round}: exactly one batch wins", b.name);
    }
    assert_eq!(
        b.users.count().await.unwrap(),
        3 * ROUNDS as u64,
        "{}: the losers stored nothing",
        b.name
    );
}

pub async fn a_row_larger_than_the_server_accepts_is_too_large(b: &Backend) {
    // 1 MiB past MySQL's limit; the other backends store it (memory, SQLite and PostgreSQL
    // have no per-statement limit below their 1 GB value limits).
    let size = b
        .max_packet
        .map_or(17 << 20, |max| usize::try_from(max).unwrap() + (1 << 20));
    let mut user = User::new("big@x", "big", 1);
    user.bio = Some("b".repeat(size));
    match (b.max_packet, b.users.insert(user).await) {
        (Some(_), Err(err)) => {
            assert!(
                matches!(err, RepoError::TooLarge { entity: "User" }),
                "{}: {err:?}",
                b.name
            );
            let problem = err.problem_details();
            assert_eq!((problem.status, problem.code.as_str()), (413, "too_large"));
            assert_eq!(b.users.count().await.unwrap(), 0, "{}", b.name);
        }
        (None, Ok(stored)) => {
            let found = b.users.get_by_id(stored.id).await.unwrap();
            assert_eq!(found.bio.map(|bio| bio.len()), Some(size), "{}", b.name);
        }
        (limit, result) => panic!("{}: limit {limit:?}, got {result:?}", b.name),
    }
    // The pool still serves calls.
    let small = b.users.insert(User::new("small@x", "s", 1)).await.unwrap();
    assert_eq!(
        b.users.get_by_id(small.id).await.unwrap(),
        small,
        "{}",
        b.name
    );
    // An update is measured as an insert is.
    let grown = User {
        name: "n".repeat(size),
        ..small.clone()
    };
    match (b.max_packet, b.users.update(grown).await) {
        (Some(_), Err(RepoError::TooLarge { .. })) => {
            assert_eq!(
                b.users.get_by_id(small.id).await.unwrap(),
                small,
                "{}",
                b.name
            );
        }
        (None, Ok(stored)) => assert_eq!(stored.name.len(), size, "{}", b.name),
        (limit, result) => panic!("{}: limit {limit:?}, update gave {result:?}", b.name),
    }
}
