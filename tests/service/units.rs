//! The services on memory, with no HTTP: the rules and permission checks alone.

use std::sync::Arc;

use pact::repository::Store;
use pact::{PageRequest, RepoError};

use crate::harness::config;
use crate::service::domain::Role;
use crate::service::dto::{NotePatch, NoteRequest, SignupRequest, UserPatch};
use crate::service::errors::ServiceError;
use crate::service::services::{Actor, Expected, Notes, Storage, Users, storage};

fn services() -> (Arc<dyn Storage>, Users, Notes) {
    let storage = storage(Store::<pact::sqlx::Sqlite>::memory());
    let users = Users::new(storage.clone(), &config()).expect("users");
    let notes = Notes::new(storage.clone());
    (storage, users, notes)
}

fn signup(email: &str) -> SignupRequest {
    SignupRequest {
        email: email.into(),
        name: "Someone".into(),
        password: "a long password".into(),
    }
}

fn actor(id: i64) -> Actor {
    Actor {
        user_id: id,
        role: Role::Member,
    }
}

#[tokio::test]
async fn signup_writes_the_user_and_a_first_note_in_one_unit() {
    let (storage, users, _) = services();
    let ada = users.signup(signup("ada@example.com")).await.unwrap();
    assert_eq!((ada.id, ada.version, ada.role.as_str()), (1, 1, "member"));
    assert!(
        ada.password_hash.starts_with("$argon2id$"),
        "{}",
        ada.password_hash
    );
    let repos = storage.repos();
    assert_eq!(repos.notes.count().await.unwrap(), 1);

    // The second sign-up with that email fails as a whole: no second note either.
    let err = users.signup(signup("ada@example.com")).await.unwrap_err();
    assert!(
        matches!(err, ServiceError::Repository(RepoError::Conflict { .. })),
        "{err:?}"
    );
    assert_eq!(repos.users.count().await.unwrap(), 1);
    assert_eq!(repos.notes.count().await.unwrap(), 1);
}

#[tokio::test]
async fn the_admin_address_signs_up_as_admin() {
    let (_, users, _) = services();
    let root = users.signup(signup("root@example.com")).await.unwrap();
    assert_eq!(root.role(), Role::Admin);
}

#[tokio::test]
async fn sign_in_checks_the_argon2_hash_and_issues_a_token_for_the_user() {
    let (_, users, _) = services();
    let ada = users.signup(signup("ada@example.com")).await.unwrap();
    let (user, token) = users
        .sign_in("ada@example.com", "a long password".into())
        .await
        .unwrap();
    assert_eq!(user.id, ada.id);
    assert_eq!(users.tokens().verify(&token).unwrap(), actor(ada.id));
    for (email, password) in [
        ("ada@example.com", "wrong"),
        ("eve@example.com", "a long password"),
    ] {
        let err = users.sign_in(email, password.into()).await.unwrap_err();
        assert!(matches!(err, ServiceError::InvalidCredentials), "{err:?}");
    }
    assert!(matches!(
        users.tokens().verify("x.y.z"),
        Err(ServiceError::InvalidToken)
    ));
}

#[tokio::test]
async fn only_the_owner_or_an_admin_changes_a_user() {
    let (_, users, _) = services();
    let ada = users.signup(signup("ada@example.com")).await.unwrap();
    let bob = users.signup(signup("bob@example.com")).await.unwrap();
    let patch = || UserPatch {
        email: None,
        name: Some("New".into()),
        password: None,
    };
    let err = users
        .update(actor(bob.id), ada.id, Expected::Any, patch())
        .await
        .unwrap_err();
    assert!(matches!(err, ServiceError::Forbidden), "{err:?}");
    let admin = Actor {
        user_id: bob.id,
        role: Role::Admin,
    };
    let changed = users
        .update(admin, ada.id, Expected::Version(1), patch())
        .await
        .unwrap();
    assert_eq!((changed.name.as_str(), changed.version), ("New", 2));
}

#[tokio::test]
async fn a_stale_version_is_refused_and_names_the_current_one() {
    let (_, users, _) = services();
    let ada = users.signup(signup("ada@example.com")).await.unwrap();
    let patch = || UserPatch {
        email: None,
        name: Some("New".into()),
        password: None,
    };
    users
        .update(actor(ada.id), ada.id, Expected::Version(1), patch())
        .await
        .unwrap();
    for expected in [Expected::Version(1), Expected::Never] {
        let err = users
            .update(actor(ada.id), ada.id, expected, patch())
            .await
            .unwrap_err();
        assert!(matches!(err, ServiceError::Stale { current: 2 }), "{err:?}");
    }
}

#[tokio::test]
async fn a_new_password_is_hashed_never_stored_as_sent() {
    let (storage, users, _) = services();
    let ada = users.signup(signup("ada@example.com")).await.unwrap();
    let patch = UserPatch {
        email: None,
        name: None,
        password: Some("another long one".into()),
    };
    let changed = users
        .update(actor(ada.id), ada.id, Expected::Any, patch)
        .await
        .unwrap();
    assert_ne!(changed.password_hash, ada.password_hash);
    assert!(!changed.password_hash.contains("another long one"));
    let stored = storage.repos().users.get_by_id(ada.id).await.unwrap();
    assert_eq!(stored.password_hash, changed.password_hash);
    assert!(
        users
            .sign_in("ada@example.com", "another long one".into())
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn notes_belong_to_their_owner() {
    let (_, users, notes) = services();
    let ada = users.signup(signup("ada@example.com")).await.unwrap();
    let bob = users.signup(signup("bob@example.com")).await.unwrap();
    let request = || NoteRequest {
        title: "T".into(),
        body: "B".into(),
    };
    let note = notes
        .create(actor(ada.id), ada.id, request())
        .await
        .unwrap();
    assert_eq!(note.owner_id, ada.id);
    assert!(matches!(
        notes.create(actor(bob.id), ada.id, request()).await,
        Err(ServiceError::Forbidden)
    ));
    assert!(matches!(
        notes.get(actor(bob.id), note.id).await,
        Err(ServiceError::Forbidden)
    ));
    assert!(matches!(
        notes
            .list(actor(bob.id), ada.id, PageRequest::default())
            .await,
        Err(ServiceError::Forbidden)
    ));
    let page = notes
        .list(actor(ada.id), ada.id, PageRequest::default())
        .await
        .unwrap();
    assert_eq!(page.total, 2);
    let patch = NotePatch {
        title: Some("T2".into()),
        body: None,
    };
    let changed = notes
        .update(actor(ada.id), note.id, Expected::Version(1), patch)
        .await
        .unwrap();
    assert_eq!((changed.title.as_str(), changed.version), ("T2", 2));
    assert!(matches!(
        notes
            .delete(actor(ada.id), note.id, Expected::Version(1))
            .await,
        Err(ServiceError::Stale { current: 2 })
    ));
    notes
        .delete(actor(ada.id), note.id, Expected::Version(2))
        .await
        .unwrap();
    let err = notes.get(actor(ada.id), note.id).await.unwrap_err();
    assert!(
        matches!(err, ServiceError::Repository(RepoError::NotFound { .. })),
        "{err:?}"
    );
}

#[tokio::test]
async fn deleting_a_user_deletes_their_notes_in_the_same_unit() {
    let (storage, users, notes) = services();
    let ada = users.signup(signup("ada@example.com")).await.unwrap();
    let bob = users.signup(signup("bob@example.com")).await.unwrap();
    for _ in 0..150 {
        notes
            .create(
                actor(ada.id),
                ada.id,
                NoteRequest {
                    title: "T".into(),
                    body: String::new(),
                },
            )
            .await
            .unwrap();
    }
    assert!(matches!(
        users.delete(actor(bob.id), ada.id, Expected::Any).await,
        Err(ServiceError::Forbidden)
    ));
    users
        .delete(actor(ada.id), ada.id, Expected::Version(1))
        .await
        .unwrap();
    let repos = storage.repos();
    assert_eq!(repos.users.count().await.unwrap(), 1);
    assert_eq!(
        repos.notes.count().await.unwrap(),
        1,
        "only bob's first note is left"
    );
}

#[tokio::test]
async fn a_failing_unit_leaves_nothing_behind() {
    let (storage, _, _) = services();
    let result: Result<(), ServiceError> = storage
        .transaction(|repos| async move {
            repos
                .users
                .insert(crate::service::domain::User {
                    id: 0,
                    email: "ghost@example.com".into(),
                    name: "Ghost".into(),
                    password_hash: String::new(),
                    role: "member".into(),
                    version: 0,
                })
                .await?;
            Err(ServiceError::Forbidden)
        })
        .await;
    assert!(matches!(result, Err(ServiceError::Forbidden)));
    assert_eq!(storage.repos().users.count().await.unwrap(), 0);
}

#[tokio::test]
async fn of_two_writes_from_one_version_one_wins_and_the_other_is_stale() {
    let (_, users, notes) = services();
    let ada = users.signup(signup("ada@example.com")).await.unwrap();
    let note = notes
        .create(
            actor(ada.id),
            ada.id,
            NoteRequest {
                title: "T".into(),
                body: String::new(),
            },
        )
        .await
        .unwrap();
    let patch = |title: &str| NotePatch {
        title: Some(title.into()),
        body: None,
    };
    let (first, second) = tokio::join!(
        notes.update(actor(ada.id), note.id, Expected::Version(1), patch("first")),
        notes.update(
            actor(ada.id),
            note.id,
            Expected::Version(1),
            patch("second")
        ),
    );
    let (won, lost) = match (first, second) {
        (Ok(won), Err(lost)) | (Err(lost), Ok(won)) => (won, lost),
        other => panic!("{other:?}"),
    };
    assert_eq!(won.version, 2);
    assert!(
        matches!(lost, ServiceError::Stale { current: 2 }),
        "{lost:?}"
    );
    assert_eq!(
        notes.get(actor(ada.id), note.id).await.unwrap().title,
        won.title
    );
}
