//! Units of work through the cache: reads inside a unit see its writes, a commit invalidates
//! what the unit wrote, a rollback leaves the cache as it was. On memory and on a SQLite file
//! database (the commit hook runs after the SQL `COMMIT`).

use pact::RepoError;
use pact::repository::cache::Cache;
use pact::repository::{SqlBackend, Store, UnitRepository};

use crate::backends::{Backend, Units};
use crate::model::{User, UserRepository};

async fn commit_invalidates_and_rollback_changes_nothing<DB>(store: &Store<DB>, cache: &Cache)
where
    DB: SqlBackend,
    User: UnitRepository<DB, Dyn = dyn UserRepository>,
{
    let users = cache.repository::<User, _>(store);
    let ada = users.insert(User::new("ada@x", "Ada", 1)).await.unwrap();
    assert_eq!(users.find_by_id(ada.id).await.unwrap().unwrap().name, "Ada");

    // A committed unit: inside it reads see its writes, after it everyone does.
    let renamed = store
        .transaction(|unit| {
            let users = cache.unit_repository::<User, _>(&unit);
            let mut next = ada.clone();
            next.name = "Ada L.".into();
            async move {
                users.update(next).await?;
                let seen = users.find_by_id(ada.id).await?.expect("the unit's row");
                assert_eq!(seen.name, "Ada L.", "a unit reads its own write");
                let grace = users.insert(User::new("grace@x", "Grace", 1)).await?;
                assert_eq!(
                    users.find_by_email("grace@x").await?.map(|u| u.id),
                    Some(grace.id)
                );
                Ok::<_, RepoError>(seen)
            }
        })
        .await
        .unwrap();
    assert_eq!(
        users.find_by_id(ada.id).await.unwrap(),
        Some(renamed.clone())
    );
    assert_eq!(
        users.find_by_email("grace@x").await.unwrap().unwrap().name,
        "Grace"
    );

    // A rolled-back unit: nothing it wrote is seen, and the cached value stays cached.
    let failed: Result<(), RepoError> = store
        .transaction(|unit| {
            let users = cache.unit_repository::<User, _>(&unit);
            let mut next = renamed.clone();
            next.name = "never".into();
            async move {
                users.update(next).await?;
                users.delete_by_id(ada.id).await?;
                Err(RepoError::backend("changed my mind"))
            }
        })
        .await;
    assert!(failed.is_err());
    assert_eq!(
        users.find_by_id(ada.id).await.unwrap(),
        Some(renamed.clone())
    );
    // Proof the rollback invalidated nothing: a write behind the cache is not seen yet.
    let mut behind = renamed.clone();
    behind.name = "behind the cache".into();
    store.repository::<User>().update(behind).await.unwrap();
    assert_eq!(
        users.find_by_id(ada.id).await.unwrap().unwrap().name,
        "Ada L."
    );
}

#[tokio::test]
async fn memory_units_invalidate_on_commit_only() {
    let backend = Backend::memory();
    let Units::Memory(store) = &backend.units else {
        unreachable!()
    };
    commit_invalidates_and_rollback_changes_nothing(store, &crate::setup::local()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_units_invalidate_on_commit_only() {
    let backend = Backend::sqlite_file().await;
    let Units::Sqlite(store) = &backend.units else {
        unreachable!()
    };
    commit_invalidates_and_rollback_changes_nothing(store, &crate::setup::local()).await;
    backend.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_units_invalidate_redis_on_commit_only() {
    let Some(cache) = crate::setup::redis() else {
        return;
    };
    let backend = Backend::sqlite_file().await;
    let Units::Sqlite(store) = &backend.units else {
        unreachable!()
    };
    commit_invalidates_and_rollback_changes_nothing(store, &cache).await;
    backend.cleanup().await;
}
