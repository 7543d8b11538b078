//! Several instances of a service on one Redis: each has its own `Cache` (its own
//! connection, reads in flight and pending invalidations) over the same database; a write
//! through one is read through the other.

use pact::repository::MemoryStore;

use crate::model::User;

#[tokio::test]
async fn a_write_through_one_instance_is_seen_by_another() {
    let Some(url) = crate::setup::redis_url() else {
        return;
    };
    let namespace = crate::setup::namespace();
    let database = MemoryStore::new();
    let first = crate::setup::redis_on(&url, &namespace)
        .wrap::<User>(std::sync::Arc::new(database.repository::<User>()));
    let second = crate::setup::redis_on(&url, &namespace)
        .wrap::<User>(std::sync::Arc::new(database.repository::<User>()));

    let ada = first.insert(User::new("ada@x", "Ada", 1)).await.unwrap();
    // Both read (and so cache) it.
    assert_eq!(first.find_by_id(ada.id).await.unwrap().unwrap().name, "Ada");
    assert_eq!(
        second.find_by_id(ada.id).await.unwrap().unwrap().name,
        "Ada"
    );
    assert_eq!(
        second.find_by_email("ada@x").await.unwrap().unwrap().id,
        ada.id
    );
    assert_eq!(second.count().await.unwrap(), 1);

    // The second instance writes; the first reads the new value at once.
    let mut renamed = ada.clone();
    renamed.name = "Ada L.".into();
    renamed.email = "lovelace@x".into();
    second.update(renamed.clone()).await.unwrap();
    assert_eq!(
        first.find_by_id(ada.id).await.unwrap(),
        Some(renamed.clone())
    );
    assert_eq!(first.find_by_email("ada@x").await.unwrap(), None);
    assert_eq!(
        first.find_by_email("lovelace@x").await.unwrap(),
        Some(renamed)
    );

    first
        .insert(User::new("grace@x", "Grace", 1))
        .await
        .unwrap();
    assert_eq!(second.count().await.unwrap(), 2);
    assert!(second.delete_by_id(ada.id).await.unwrap());
    assert_eq!(first.find_by_id(ada.id).await.unwrap(), None);
}
