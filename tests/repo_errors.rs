//! `RepoError` as an HTTP answer: 404, 409 and 400 say what happened; a backend failure is a
//! 500 whose body carries nothing of the driver's message.
#![cfg(feature = "sqlite")]

use pact::{ApiError, RepoError, Repository, SqliteRepository};

#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "notes")]
struct Note {
    #[repo(id, generated)]
    id: i64,
    #[repo(unique)]
    title: String,
}

/// One connection: every connection to `sqlite::memory:` is a database of its own.
async fn pool() -> pact::sqlx::SqlitePool {
    pact::sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect("sqlite::memory:")
        .await
        .unwrap()
}

#[tokio::test]
async fn a_backend_failure_is_a_500_without_internals() {
    let pool = pool().await;
    let notes = SqliteRepository::<Note>::new(pool.clone());
    // No table: the driver's error names it.
    let err = notes.find_by_id(1).await.unwrap_err();
    assert!(matches!(err, RepoError::Backend(_)), "{err:?}");
    assert!(err.to_string().contains("no such table: notes"), "{err}");
    let problem = err.problem_details();
    assert_eq!(
        (problem.status, problem.code.as_str()),
        (500, "repository_error")
    );
    let body = serde_json::to_string(&problem).unwrap();
    assert!(!body.contains("notes"), "{body}");
    assert!(
        std::error::Error::source(&err).is_some(),
        "the chain is kept for the logs"
    );

    pool.close().await;
    let err = notes.count().await.unwrap_err();
    assert_eq!(err.status(), 500);
    assert!(!err.message().contains("closed"));
}

#[tokio::test]
async fn conflicts_and_missing_rows_say_what_happened() {
    let notes = SqliteRepository::<Note>::new(pool().await);
    notes.create_table().await.unwrap();
    notes
        .insert(Note {
            id: 0,
            title: "a".into(),
        })
        .await
        .unwrap();
    let err = notes
        .insert(Note {
            id: 0,
            title: "a".into(),
        })
        .await
        .unwrap_err();
    let problem = err.problem_details();
    assert_eq!(problem.status, 409);
    assert_eq!(
        problem.detail.as_deref(),
        Some("a Note with this title already exists")
    );
    assert_eq!(problem.errors[0].path, "title");
    match err {
        RepoError::Conflict { constraint, .. } => {
            assert_eq!(constraint.as_deref(), Some("notes.title"));
        }
        other => panic!("{other:?}"),
    }
    let err = notes
        .update(Note {
            id: 9,
            title: "b".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(
        err.problem_details().detail.as_deref(),
        Some("Note 9 not found")
    );
}
