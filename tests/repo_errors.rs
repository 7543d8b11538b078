//! `RepoError` as an HTTP answer: 404, 409 and 400 say what happened; a backend failure is a
//! 500 whose body carries nothing of the driver's message.
#![cfg(feature = "sqlite")]

use pact::repository::Backend;
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

/// The answer of an error as a client receives it: status, `code`, the field errors' paths,
/// and the `Retry-After` header.
fn answer(err: &RepoError) -> (u16, String, Vec<String>, Option<String>) {
    let problem = err.problem_details();
    let mut headers = pact::http::HeaderMap::new();
    err.headers(&mut headers);
    (
        problem.status,
        problem.code,
        problem.errors.into_iter().map(|e| e.path).collect(),
        headers
            .get("retry-after")
            .map(|v| v.to_str().unwrap().to_owned()),
    )
}

#[tokio::test]
async fn a_value_the_column_cannot_hold_is_a_422_naming_the_field() {
    let notes = SqliteRepository::<Note>::new(pool().await);
    notes.create_table().await.unwrap();
    let err = notes
        .insert(Note {
            id: 0,
            title: "t".repeat(256),
        })
        .await
        .unwrap_err();
    assert_eq!(
        answer(&err),
        (422, "invalid_value".into(), vec!["title".into()], None)
    );
    let problem = err.problem_details();
    assert_eq!(
        problem.detail.as_deref(),
        Some("invalid title of a Note: at most 255 characters")
    );
    assert_eq!(problem.errors[0].code, "length");
    let err = notes
        .insert(Note {
            id: 0,
            title: "a\0b".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(err.problem_details().errors[0].code, "nul_character");
}

#[test]
fn too_large_is_a_413_and_busy_a_503_with_retry_after_and_no_internals() {
    let err = RepoError::TooLarge { entity: "Note" };
    assert_eq!(answer(&err), (413, "too_large".into(), vec![], None));
    assert_eq!(
        err.problem_details().detail.as_deref(),
        Some("the Note is larger than the database accepts")
    );
    let err = RepoError::Busy {
        entity: "Note",
        retry_after_secs: 1,
    };
    assert_eq!(
        answer(&err),
        (503, "repository_busy".into(), vec![], Some("1".into()))
    );
    let body = serde_json::to_string(&err.problem_details()).unwrap();
    assert!(!body.contains("Note"), "a 5xx body names nothing: {body}");
}

/// A writer that waits past `busy_timeout` for another's lock gets `Busy` (503), not a 500,
/// and the pool serves the next call.
#[tokio::test]
async fn a_locked_sqlite_database_is_busy() {
    use pact::sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
    let path = std::env::temp_dir().join(format!("pact-busy-{}.db", std::process::id()));
    let options = SqliteConnectOptions::new()
        .filename(&path)
        .create_if_missing(true);
    let holder = SqlitePoolOptions::new()
        .connect_with(options.clone())
        .await
        .unwrap();
    let waiter = SqlitePoolOptions::new()
        .connect_with(options.busy_timeout(std::time::Duration::from_millis(20)))
        .await
        .unwrap();
    let notes = SqliteRepository::<Note>::new(waiter);
    notes.create_table().await.unwrap();
    let mut tx = holder.begin().await.unwrap();
    pact::sqlx::query("INSERT INTO notes (title) VALUES ('held')")
        .execute(&mut *tx)
        .await
        .unwrap();
    let note = Note {
        id: 0,
        title: "waits".into(),
    };
    let err = notes.insert(note.clone()).await.unwrap_err();
    assert_eq!(
        answer(&err),
        (503, "repository_busy".into(), vec![], Some("1".into())),
        "{err:?}"
    );
    tx.rollback().await.unwrap();
    assert_eq!(notes.insert(note).await.unwrap().id, 1);
    holder.close().await;
    notes.pool().close().await;
    let _ = std::fs::remove_file(&path);
}

#[cfg(feature = "axum")]
#[test]
fn busy_answers_axum_with_retry_after() {
    use axum::response::IntoResponse as _;
    let response = RepoError::Busy {
        entity: "Note",
        retry_after_secs: 2,
    }
    .into_response();
    assert_eq!(response.status(), 503);
    assert_eq!(response.headers()["retry-after"], "2");
}

/// A forged, truncated or hostile keyset cursor is a 400 problem+json naming `after`, never a
/// 500 and never SQL; its detail says what is wrong and nothing of the cursor.
#[tokio::test]
async fn a_hostile_cursor_is_a_400_naming_after() {
    use pact::{CursorRequest, Sort};
    let notes = SqliteRepository::<Note>::new(pool().await);
    notes.create_table().await.unwrap();
    for title in ["a", "b", "c"] {
        let note = Note {
            id: 0,
            title: title.into(),
        };
        notes.insert(note).await.unwrap();
    }
    let real = notes
        .find_all_by_cursor(CursorRequest::first(1))
        .await
        .unwrap()
        .next
        .unwrap();
    for cursor in [
        "'; DROP TABLE notes; --".to_owned(),
        "AAAA".to_owned(),
        real[..real.len() - 2].to_owned(),
        "A".repeat(100_000),
        "\0".to_owned(),
    ] {
        let err = notes
            .find_all_by_cursor(CursorRequest::first(1).after(cursor.clone()))
            .await
            .unwrap_err();
        assert_eq!(
            answer(&err),
            (400, "invalid_cursor".into(), vec!["after".into()], None),
            "{cursor:.40}"
        );
        let body = serde_json::to_string(&err.problem_details()).unwrap();
        assert!(!body.contains("DROP") && body.len() < 600, "{body}");
    }
    // Another sort's cursor.
    let by_title = CursorRequest::first(1)
        .sorted(Sort::asc("title"))
        .after(real);
    let err = notes.find_all_by_cursor(by_title).await.unwrap_err();
    assert_eq!(err.problem_details().status, 400);
    assert_eq!(
        err.problem_details().detail.as_deref(),
        Some("invalid cursor for a page of Notes: the cursor belongs to another sort")
    );
    assert_eq!(notes.count().await.unwrap(), 3);
}

#[cfg(feature = "axum")]
#[test]
fn an_invalid_cursor_answers_axum_with_problem_json() {
    use axum::response::IntoResponse as _;
    let response = RepoError::InvalidCursor {
        entity: "Note",
        reason: "not a cursor",
    }
    .into_response();
    assert_eq!(response.status(), 400);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
}
