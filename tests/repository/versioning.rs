//! Optimistic locking with `#[repo(version)]`: `insert` stores version 1, `update` succeeds
//! only from the stored version and adds 1 in the same statement, and a stale version is a
//! `VersionConflict` (409) carrying the stored one.

use std::sync::Arc;

use pact::{ApiError, RepoError};

use crate::backends::Backend;
use crate::model::Document;

fn document(title: &str, revision: i32) -> Document {
    Document {
        id: 0,
        title: title.to_owned(),
        body: "body".to_owned(),
        revision,
    }
}

pub async fn insert_starts_at_version_one(b: &Backend) {
    let stored = b.documents.insert(document("a", 42)).await.unwrap();
    assert_eq!(
        stored.revision, 1,
        "{}: the given version is replaced",
        b.name
    );
    let found = b.documents.get_by_id(stored.id).await.unwrap();
    assert_eq!(found, stored, "{}", b.name);
    let many = b
        .documents
        .insert_many(vec![document("b", -3), document("c", 9)])
        .await
        .unwrap();
    assert!(many.iter().all(|d| d.revision == 1), "{}: {many:?}", b.name);
    for d in many {
        assert_eq!(b.documents.get_by_id(d.id).await.unwrap().revision, 1);
    }
}

pub async fn update_checks_and_increments_the_version(b: &Backend) {
    let stored = b.documents.insert(document("a", 0)).await.unwrap();
    let mut edit = stored.clone();
    edit.title = "b".into();
    let updated = b.documents.update(edit).await.unwrap();
    assert_eq!(
        (updated.title.as_str(), updated.revision),
        ("b", 2),
        "{}",
        b.name
    );
    let mut again = updated.clone();
    again.body = "changed".into();
    let again = b.documents.update(again).await.unwrap();
    assert_eq!(again.revision, 3, "{}", b.name);
    let found = b.documents.get_by_id(stored.id).await.unwrap();
    assert_eq!(
        found, again,
        "{}: the stored row is the returned one",
        b.name
    );
}

pub async fn a_stale_version_is_a_409_conflict(b: &Backend) {
    let stored = b.documents.insert(document("a", 0)).await.unwrap();
    let mut first = stored.clone();
    first.title = "first".into();
    b.documents.update(first).await.unwrap();
    let mut stale = stored.clone();
    stale.title = "stale".into();
    let err = b.documents.update(stale).await.unwrap_err();
    match &err {
        RepoError::VersionConflict {
            entity: "Document",
            field: "revision",
            expected: 1,
            current: Some(2),
            id,
        } => assert_eq!(id, &stored.id.to_string(), "{}", b.name),
        other => panic!("{}: {other:?}", b.name),
    }
    let problem = err.problem_details();
    assert_eq!(
        (problem.status, problem.code.as_str()),
        (409, "version_conflict"),
        "{}",
        b.name
    );
    assert_eq!(problem.extensions["entity"], "Document");
    assert_eq!(problem.extensions["expected_version"], 1);
    assert_eq!(problem.extensions["current_version"], 2);
    assert_eq!(problem.errors[0].path, "revision");
    let found = b.documents.get_by_id(stored.id).await.unwrap();
    assert_eq!(
        (found.title.as_str(), found.revision),
        ("first", 2),
        "{}: the stale update changed nothing",
        b.name
    );
}

pub async fn a_missing_row_stays_not_found(b: &Backend) {
    let mut ghost = document("ghost", 1);
    ghost.id = 9_999;
    let err = b.documents.update(ghost).await.unwrap_err();
    assert!(err.is_not_found(), "{}: {err:?}", b.name);
    let stored = b.documents.insert(document("a", 0)).await.unwrap();
    assert!(b.documents.delete_by_id(stored.id).await.unwrap());
    let err = b.documents.update(stored).await.unwrap_err();
    assert!(err.is_not_found(), "{}: a deleted row: {err:?}", b.name);
}

/// How many rows are fought over, one after the other.
const ROUNDS: usize = 5;
/// How many tasks update each row from the same version.
const TASKS: usize = 16;

/// Sixteen tasks read one row at the same version, wait until all have read it, then update it
/// at once: exactly one update wins, the other fifteen are `VersionConflict` from version 1
/// with version 2 stored, and the row holds the winner's values.
pub async fn concurrent_updates_from_one_version_have_one_winner(b: &Backend) {
    for round in 0..ROUNDS {
        let stored = b
            .documents
            .insert(document(&format!("round {round}"), 0))
            .await
            .unwrap();
        let barrier = Arc::new(tokio::sync::Barrier::new(TASKS));
        let mut tasks = Vec::new();
        for task in 0..TASKS {
            let documents = b.documents.clone();
            let barrier = barrier.clone();
            let id = stored.id;
            tasks.push(tokio::spawn(async move {
                let mut read = documents.get_by_id(id).await.unwrap();
                assert_eq!(read.revision, 1);
                barrier.wait().await;
                read.title = format!("round {round} task {task}");
                read.body = format!("written by {task}");
                documents.update(read).await
            }));
        }
        let mut winners = Vec::new();
        for task in tasks {
            match task.await.unwrap() {
                Ok(updated) => winners.push(updated),
                Err(RepoError::VersionConflict {
                    expected: 1,
                    current: Some(2),
                    ..
                }) => {}
                Err(other) => panic!(
                    "{}: round {round}: a losing update gave {other:?} ({})",
                    b.name,
                    other.status()
                ),
            }
        }
        assert_eq!(winners.len(), 1, "{}: round {round}: {winners:?}", b.name);
        let winner = winners.pop().unwrap();
        assert_eq!(winner.revision, 2, "{}", b.name);
        let found = b.documents.get_by_id(stored.id).await.unwrap();
        assert_eq!(
            found, winner,
            "{}: round {round}: the row is the winner's",
            b.name
        );
    }
}
