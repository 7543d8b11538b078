//! Units of work across two repositories (`User`, `Tag`) on one `Store`: all or nothing on
//! `Err`, on a panic and on a dropped future; own writes visible inside and not outside; no
//! lost update between concurrent transfers; nested units in savepoints; and, on a SQLite
//! file, eight concurrent write units without "database is locked".

use std::sync::Arc;

use pact::repository::{SqlBackend, Store, UnitOfWork, UnitRepository};
use pact::{PageRequest, RepoError};

use crate::model::{Tag, TagRepository, User, UserRepository};

/// A backend whose store hands out the suite's repositories.
pub trait Db: SqlBackend {
    fn users(unit: &UnitOfWork<Self>) -> Arc<dyn UserRepository>;
    fn tags(unit: &UnitOfWork<Self>) -> Arc<dyn TagRepository>;
    fn store_users(store: &Store<Self>) -> Arc<dyn UserRepository>;
    fn store_tags(store: &Store<Self>) -> Arc<dyn TagRepository>;
}

impl<DB: SqlBackend> Db for DB
where
    User: UnitRepository<DB, Dyn = dyn UserRepository>,
    Tag: UnitRepository<DB, Dyn = dyn TagRepository>,
{
    fn users(unit: &UnitOfWork<Self>) -> Arc<dyn UserRepository> {
        unit.repository::<User>()
    }
    fn tags(unit: &UnitOfWork<Self>) -> Arc<dyn TagRepository> {
        unit.repository::<Tag>()
    }
    fn store_users(store: &Store<Self>) -> Arc<dyn UserRepository> {
        store.repository::<User>()
    }
    fn store_tags(store: &Store<Self>) -> Arc<dyn TagRepository> {
        store.repository::<Tag>()
    }
}

fn tag(slug: &str) -> Tag {
    Tag {
        slug: slug.to_owned(),
        position: 1,
        weight: 7,
    }
}

async fn counts<DB: Db>(store: &Store<DB>) -> (u64, u64) {
    (
        DB::store_users(store).count().await.unwrap(),
        DB::store_tags(store).count().await.unwrap(),
    )
}

pub async fn a_unit_that_fails_at_its_last_step_leaves_no_row<DB: Db>(store: &Store<DB>) {
    let result: Result<(), RepoError> = store
        .transaction(|unit| async move {
            DB::users(&unit).insert(User::new("a@x", "a", 1)).await?;
            DB::tags(&unit).insert(tag("rust")).await?;
            DB::users(&unit)
                .insert_many(vec![User::new("b@x", "b", 1), User::new("c@x", "c", 1)])
                .await?;
            // The last step: a conflict on the unique email.
            DB::users(&unit)
                .insert(User::new("a@x", "again", 1))
                .await?;
            Ok(())
        })
        .await;
    assert!(result.unwrap_err().is_conflict());
    assert_eq!(
        counts(store).await,
        (0, 0),
        "nothing of the failed unit remains"
    );

    let committed: Result<i64, RepoError> = store
        .transaction(|unit| async move {
            let user = DB::users(&unit).insert(User::new("a@x", "a", 1)).await?;
            DB::tags(&unit).insert(tag("rust")).await?;
            Ok(user.id)
        })
        .await;
    committed.unwrap();
    assert_eq!(
        counts(store).await,
        (1, 1),
        "a unit that returns Ok commits both"
    );
}

pub async fn a_panic_inside_a_unit_rolls_it_back<DB: Db>(store: &Store<DB>) {
    let inner = store.clone();
    let task = tokio::spawn(async move {
        inner
            .transaction(|unit| async move {
                DB::users(&unit).insert(User::new("p@x", "p", 1)).await?;
                DB::tags(&unit).insert(tag("panic")).await?;
                assert_eq!(
                    DB::users(&unit).count().await?,
                    0,
                    "the service panicked inside the unit"
                );
                Ok::<_, RepoError>(())
            })
            .await
    });
    assert!(task.await.unwrap_err().is_panic());
    assert_eq!(counts(store).await, (0, 0));
    // The store still works: the connection came back rolled back.
    store
        .transaction(|unit| async move {
            DB::users(&unit).insert(User::new("p@x", "p", 1)).await?;
            Ok::<_, RepoError>(())
        })
        .await
        .unwrap();
    assert_eq!(counts(store).await, (1, 0));
}

pub async fn a_dropped_unit_rolls_back<DB: Db>(store: &Store<DB>) {
    let inserted = Arc::new(tokio::sync::Notify::new());
    let signal = Arc::clone(&inserted);
    let inner = store.clone();
    let task = tokio::spawn(async move {
        inner
            .transaction(|unit| {
                let signal = Arc::clone(&signal);
                async move {
                    DB::users(&unit).insert(User::new("d@x", "d", 1)).await?;
                    DB::tags(&unit).insert(tag("dropped")).await?;
                    signal.notify_one();
                    std::future::pending::<()>().await;
                    Ok::<_, RepoError>(())
                }
            })
            .await
    });
    inserted.notified().await;
    task.abort();
    assert!(task.await.unwrap_err().is_cancelled());
    assert_eq!(counts(store).await, (0, 0));
}

pub async fn reads_inside_a_unit_see_its_own_writes<DB: Db>(store: &Store<DB>) {
    let outside = DB::store_users(store);
    let result: Result<(), RepoError> = store
        .transaction(|unit| {
            let outside = Arc::clone(&outside);
            async move {
                let users = DB::users(&unit);
                let user = users.insert(User::new("r@x", "r", 3)).await?;
                assert_eq!(users.find_by_id(user.id).await?, Some(user.clone()));
                assert_eq!(users.find_by_email("r@x").await?, Some(user.clone()));
                assert_eq!(
                    users
                        .find_all_by_team_id(3, PageRequest::default())
                        .await?
                        .total,
                    1
                );
                let mut renamed = user.clone();
                renamed.name = "renamed".into();
                users.update(renamed.clone()).await?;
                assert_eq!(users.get_by_id(user.id).await?.name, "renamed");
                assert_eq!(
                    outside.find_by_email("r@x").await?,
                    None,
                    "invisible outside before the commit"
                );
                Ok(())
            }
        })
        .await;
    result.unwrap();
    let stored = outside.find_by_email("r@x").await.unwrap().unwrap();
    assert_eq!(stored.name, "renamed", "visible after the commit");
}

/// Moves `amount` from `from`'s position to `to`'s: two reads, two writes.
async fn transfer<DB: Db>(store: &Store<DB>, from: &str, to: &str, amount: i32) {
    let result: Result<(), RepoError> = store
        .transaction(|unit| async move {
            let tags = DB::tags(&unit);
            let mut a = tags.get_by_id(from).await?;
            let mut b = tags.get_by_id(to).await?;
            a.position -= amount;
            b.position += amount;
            tags.update(a).await?;
            tags.update(b).await?;
            Ok(())
        })
        .await;
    result.unwrap();
}

pub async fn concurrent_transfers_lose_no_update<DB: Db>(store: &Store<DB>) {
    const ROUNDS: i32 = 10;
    let tags = DB::store_tags(store);
    for slug in ["ta", "tb"] {
        let mut account = tag(slug);
        account.position = 1000;
        tags.insert(account).await.unwrap();
    }
    for _ in 0..ROUNDS {
        let (one, two) = (store.clone(), store.clone());
        let forth = tokio::spawn(async move { transfer(&one, "ta", "tb", 10).await });
        let back = tokio::spawn(async move { transfer(&two, "tb", "ta", 3).await });
        forth.await.unwrap();
        back.await.unwrap();
    }
    let moved = 7 * ROUNDS;
    assert_eq!(tags.get_by_id("ta").await.unwrap().position, 1000 - moved);
    assert_eq!(tags.get_by_id("tb").await.unwrap().position, 1000 + moved);
}

pub async fn a_failed_nested_unit_is_undone_in_its_savepoint<DB: Db>(store: &Store<DB>) {
    let result: Result<(), RepoError> = store
        .transaction(|unit| async move {
            DB::users(&unit)
                .insert(User::new("outer@x", "o", 1))
                .await?;
            let inner: Result<(), RepoError> = unit
                .transaction(|inner| async move {
                    DB::users(&inner)
                        .insert(User::new("inner@x", "i", 1))
                        .await?;
                    DB::tags(&inner).insert(tag("inner")).await?;
                    // Refused by the database: PostgreSQL aborts the transaction, and the
                    // savepoint is what lets the outer unit go on.
                    DB::users(&inner)
                        .insert(User::new("outer@x", "again", 1))
                        .await?;
                    Ok(())
                })
                .await;
            assert!(inner.unwrap_err().is_conflict());
            assert_eq!(
                DB::users(&unit).count().await?,
                1,
                "the nested writes are undone"
            );
            unit.transaction(|inner| async move {
                DB::tags(&inner).insert(tag("kept")).await?;
                Ok::<_, RepoError>(())
            })
            .await?;
            Ok(())
        })
        .await;
    result.unwrap();
    let users = DB::store_users(store);
    assert!(users.find_by_email("outer@x").await.unwrap().is_some());
    assert!(users.find_by_email("inner@x").await.unwrap().is_none());
    let tags = DB::store_tags(store);
    assert!(tags.find_by_id("kept").await.unwrap().is_some());
    assert!(tags.find_by_id("inner").await.unwrap().is_none());
}

/// Eight units at once, each writing to both tables: each waits for the write lock
/// (`BEGIN IMMEDIATE`, the busy timeout) instead of failing.
pub async fn eight_concurrent_units<DB: Db>(store: &Store<DB>) {
    let mut tasks = Vec::new();
    for i in 0..8 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            store
                .transaction(|unit| async move {
                    let users = DB::users(&unit);
                    let seen = users.count().await?;
                    users.insert(User::new(&format!("c{i}@x"), "c", 1)).await?;
                    DB::tags(&unit).insert(tag(&format!("c{i}"))).await?;
                    assert_eq!(users.count().await?, seen + 1);
                    Ok::<_, RepoError>(())
                })
                .await
        }));
    }
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    assert_eq!(counts(store).await, (8, 8));
}

/// On SQL a repository kept past its unit answers an error rather than reaching the pool
/// outside the unit; in memory its writes go to a copy nobody commits (documented).
pub async fn a_repository_that_outlives_its_unit_writes_nothing<DB: Db>(store: &Store<DB>) {
    let kept = store
        .transaction(|unit| async move { Ok::<_, RepoError>(DB::users(&unit)) })
        .await
        .unwrap();
    let late = kept.insert(User::new("late@x", "late", 1)).await;
    if store.pool().is_some() {
        assert!(matches!(late, Err(RepoError::Backend(_))), "{late:?}");
    }
    assert_eq!(counts(store).await, (0, 0));
}

/// Memory: a unit whose table was written outside any unit while it ran runs again, and
/// after too many such runs answers `Busy`.
pub async fn memory_units_run_again_after_an_outside_write() {
    use std::sync::atomic::{AtomicU32, Ordering};

    let store = Store::<pact::sqlx::Sqlite>::memory();
    let runs = AtomicU32::new(0);
    let result: Result<(), RepoError> = store
        .transaction(|unit| {
            let run = runs.fetch_add(1, Ordering::SeqCst);
            let outside = store.repository::<User>();
            async move {
                unit.repository::<User>()
                    .insert(User::new("in@x", "in", 1))
                    .await?;
                if run == 0 {
                    outside.insert(User::new("out@x", "out", 1)).await?;
                }
                Ok(())
            }
        })
        .await;
    result.unwrap();
    assert_eq!(
        runs.load(Ordering::SeqCst),
        2,
        "the first run could not commit"
    );
    assert_eq!(store.repository::<User>().count().await.unwrap(), 2);

    let always: Result<(), RepoError> = store
        .transaction(|unit| {
            let outside = store.repository::<User>();
            async move {
                unit.repository::<User>().count().await?;
                outside.delete_by_id(1).await?;
                Ok(())
            }
        })
        .await;
    assert!(always.unwrap_err().is_busy());
}

/// `store.transaction` inside a unit of the same store would wait for the outer unit forever
/// (in memory for its lock, on SQL for the write lock or a second connection): it is refused at
/// once with a `Backend` error, and the outer unit goes on and commits. A clone of the store is
/// the same store; a unit that runs after the outer one ended is not nested.
pub async fn store_transaction_inside_a_unit_is_refused<DB: Db>(store: &Store<DB>) {
    let same = store.clone();
    let result: Result<(), RepoError> = store
        .transaction(|unit| {
            let same = same.clone();
            async move {
                DB::users(&unit)
                    .insert(User::new("outer@x", "o", 1))
                    .await?;
                // Bounded, so that a nested unit that waits fails this test instead of hanging it.
                let nested: Result<(), RepoError> = tokio::time::timeout(
                    std::time::Duration::from_secs(30),
                    same.transaction(|inner| async move {
                        DB::users(&inner)
                            .insert(User::new("nested@x", "n", 1))
                            .await?;
                        Ok(())
                    }),
                )
                .await
                .expect("refused at once, not left waiting for the outer unit");
                let err = nested.unwrap_err();
                assert!(
                    matches!(err, RepoError::Backend(_)),
                    "refused, not run: {err:?}"
                );
                assert!(
                    format!("{err:?}").contains("unit.transaction"),
                    "the error says what to do: {err:?}"
                );
                Ok(())
            }
        })
        .await;
    result.unwrap();
    let users = DB::store_users(store);
    assert!(users.find_by_email("outer@x").await.unwrap().is_some());
    assert!(users.find_by_email("nested@x").await.unwrap().is_none());
    // After the outer unit, the store runs units again.
    let after: Result<(), RepoError> = same
        .transaction(|unit| async move {
            DB::users(&unit)
                .insert(User::new("after@x", "a", 1))
                .await?;
            Ok(())
        })
        .await;
    after.unwrap();
    assert!(users.find_by_email("after@x").await.unwrap().is_some());
}
