//! `#[derive(Repository)]` output stays correct and warning-free with no prelude, with user
//! items shadowing the names generated code could lean on, fields and types named like every
//! identifier the expansion uses, and under `clippy::pedantic` (`cargo clippy --all-targets`
//! checks this file).
#![deny(warnings, clippy::all, clippy::pedantic)]

#[no_implicit_prelude]
#[allow(dead_code, non_camel_case_types, non_upper_case_globals)]
mod user_code {
    // Shadows of the prelude, of pact's own names, and of the primitive types.
    pub struct Result;
    pub struct Option;
    pub struct Box;
    pub struct Vec;
    pub struct Ok;
    pub struct Err;
    pub struct Some;
    pub struct None;
    pub struct String;
    pub struct Column;
    pub struct Page;
    pub struct RepoError;
    pub struct Dialect;
    pub struct Statements;
    pub struct Finder;
    pub struct RandomState;
    pub struct BuildHasher;
    pub struct BoxFuture;
    pub struct RepoFuture;
    pub struct PageRequest;
    pub struct Stamp;
    pub struct Timestamp;
    pub struct SoftDelete;
    pub struct Default;
    pub trait Send {}
    pub trait Sync {}
    pub trait PartialEq {}
    pub trait PartialOrd {}
    pub trait SqlEntity {}
    pub trait SqlBind {}
    pub trait SqlDecode {}
    pub trait SqlBackend {}
    pub mod core {}
    pub mod std {}
    pub mod pact {}
    pub struct u8;
    pub struct u32;
    pub struct u64;
    pub struct i64;
    pub struct usize;
    pub struct bool;
    pub struct str;
    pub struct __DB;
    // Values named like the generated parameters and locals.
    pub const id: () = ();
    pub const page: () = ();
    pub const entity: () = ();
    pub const entities: () = ();
    pub const value: () = ();
    pub const column: () = ();
    pub const state: () = ();
    pub const other: () = ();
    pub const args: () = ();
    pub const dialect: () = ();
    pub const now: () = ();
    pub const write: () = ();
    pub const stored: () = ();
    pub const at: () = ();

    /// Called from a `default`: a generated `row` parameter would shadow it.
    pub fn row() -> ::std::string::String {
        <::std::string::String as ::core::convert::From<&::core::primitive::str>>::from("fresh")
    }

    // `use`s of pact's names, next to entities named like them.
    pub use ::pact::{Entity as _, MemoryRepository, SqlRepository};
    pub type Memories = MemoryRepository<Memory>;
    pub type SqlMemories<DB> = SqlRepository<DB, Memory>;

    /// Named like pact's memory repository, whose trait is renamed to be usable beside it;
    /// fields named like every generated identifier.
    #[derive(
        ::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::pact::Repository,
    )]
    #[repo(table = "memories", trait_name = MemoryStore)]
    pub struct Memory {
        #[repo(id, generated)]
        pub id: ::core::primitive::i64,
        #[repo(unique)]
        pub row: ::std::string::String,
        #[repo(indexed)]
        pub page: ::core::primitive::i64,
        #[repo(indexed)]
        pub value: ::core::primitive::i32,
        #[repo(unique)]
        pub entity: ::std::vec::Vec<::core::primitive::u8>,
        #[repo(sortable)]
        pub rows: ::core::primitive::u32,
        pub entities: ::core::primitive::bool,
        pub values: ::core::option::Option<::core::primitive::f64>,
        pub pool: ::core::primitive::i16,
        pub tx: ::core::primitive::u8,
        pub db: ::core::primitive::i8,
        pub query: ::std::string::String,
        pub state: ::core::primitive::u16,
        pub other: ::core::primitive::i32,
        pub column: ::core::primitive::i32,
        pub args: ::core::primitive::i32,
        pub dialect: ::core::primitive::i32,
        pub hasher: ::core::primitive::i32,
        #[repo(skip, default = row())]
        pub note: ::std::string::String,
    }

    /// An entity named `Entity`, with a string id named `id` and an indexed `row`.
    #[derive(
        ::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::pact::Repository,
    )]
    #[repo(table = "entities")]
    pub struct Entity {
        #[repo(id)]
        pub id: ::std::string::String,
        #[repo(indexed)]
        pub row: ::std::string::String,
    }

    /// An entity named `Repository`, whose id is named `row`.
    #[derive(
        ::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::pact::Repository,
    )]
    #[repo(table = "repositories")]
    pub struct Repository {
        #[repo(id, generated)]
        pub row: ::core::primitive::u32,
    }

    /// An entity with every kind of field.
    #[derive(
        ::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::pact::Repository,
    )]
    #[repo(table = "accounts", max_page_size = 10)]
    pub struct Account {
        #[repo(id, generated)]
        pub id: ::core::primitive::i32,
        #[repo(unique)]
        pub email: ::std::string::String,
        #[repo(indexed, column = "org")]
        pub organisation: ::core::primitive::i64,
        #[repo(sortable)]
        pub r#type: ::std::string::String,
        pub avatar: ::core::option::Option<::std::vec::Vec<::core::primitive::u8>>,
        #[repo(unique)]
        pub api_key: ::std::vec::Vec<::core::primitive::u8>,
        #[repo(skip, default = <::std::string::String as ::core::convert::From<&::core::primitive::str>>::from("fresh"))]
        pub note: ::std::string::String,
    }

    /// An `i64` version in a field named `version`, beside fields named like the version's
    /// generated items.
    #[derive(
        ::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::pact::Repository,
    )]
    #[repo(table = "revisions")]
    pub struct Revision {
        #[repo(id, generated)]
        pub id: ::core::primitive::i64,
        #[repo(version)]
        pub version: ::core::primitive::i64,
        pub set_version: ::core::primitive::i32,
        pub current: ::core::primitive::u16,
    }

    /// Every timestamp key, beside fields named like their generated items and locals.
    #[cfg(feature = "chrono")]
    #[derive(
        ::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::pact::Repository,
    )]
    #[repo(table = "stamped")]
    pub struct Stamped {
        #[repo(id, generated)]
        pub id: ::core::primitive::i64,
        #[repo(created_at, sortable)]
        pub created_at: ::chrono::DateTime<::chrono::Utc>,
        #[repo(updated_at)]
        pub updated_at: ::chrono::NaiveDateTime,
        #[repo(soft_delete)]
        pub deleted_at: ::core::option::Option<::chrono::DateTime<::chrono::Utc>>,
        pub now: ::core::primitive::i64,
        pub stamp: ::core::primitive::bool,
        pub stored: ::core::primitive::i32,
        pub is_deleted: ::core::primitive::u8,
        pub keep_created: ::core::primitive::u16,
    }

    /// An entity whose id is chosen by the application.
    #[derive(
        ::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::pact::Repository,
    )]
    #[repo(table = "codes")]
    pub(crate) struct Code {
        #[repo(id)]
        pub(crate) code: ::std::string::String,
    }
}

use std::sync::Arc;

use pact::{Entity, MemoryRepository, PageRequest, Sort};
use user_code::{
    Account, AccountRepository, Code, CodeRepository, EntityRepository, Memory, MemoryStore,
    RepositoryRepository, Revision, RevisionRepository,
};

fn memory(n: u8) -> Memory {
    Memory {
        id: 0,
        row: format!("row {n}"),
        page: 7,
        value: i32::from(n),
        entity: vec![n],
        rows: u32::from(n),
        entities: true,
        values: Some(0.5),
        pool: 1,
        tx: 2,
        db: 3,
        query: "q".to_owned(),
        state: 4,
        other: 5,
        column: 6,
        args: 7,
        dialect: 8,
        hasher: 9,
        note: "ignored".to_owned(),
    }
}

/// Every generated method of the entities named like generated identifiers, on one backend.
async fn exercise_named_like_the_expansion(
    memories: &dyn MemoryStore,
    entities: &dyn EntityRepository,
    repositories: &dyn RepositoryRepository,
) {
    let first = memories.insert(memory(1)).await.unwrap();
    assert_eq!((first.id, first.note.as_str()), (1, "fresh"));
    let many = memories
        .insert_many(vec![memory(2), memory(3)])
        .await
        .unwrap();
    assert_eq!(memories.count().await.unwrap(), 3);
    assert_eq!(
        memories.find_by_row("row 2").await.unwrap(),
        Some(many[0].clone())
    );
    assert_eq!(
        memories.find_by_entity(&[3]).await.unwrap(),
        Some(many[1].clone())
    );
    let page = memories
        .find_all_by_page(7, PageRequest::first(2).sorted(Sort::desc("rows")))
        .await
        .unwrap();
    assert_eq!(
        (page.items, page.total),
        (vec![many[1].clone(), many[0].clone()], 3)
    );
    let by_value = memories
        .find_all_by_value(1, PageRequest::first(10))
        .await
        .unwrap();
    assert_eq!(by_value.items, vec![first.clone()]);
    let mut changed = first.clone();
    "row 1b".clone_into(&mut changed.row);
    memories.update(changed.clone()).await.unwrap();
    assert_eq!(memories.get_by_id(first.id).await.unwrap(), changed);
    assert!(memories.insert(memory(2)).await.unwrap_err().is_conflict());
    assert!(memories.delete_by_id(first.id).await.unwrap());
    assert!(!memories.exists(first.id).await.unwrap());
    assert_eq!(
        memories
            .find_all(PageRequest::first(10))
            .await
            .unwrap()
            .total,
        2
    );

    let stored = user_code::Entity {
        id: "E1".to_owned(),
        row: "r".to_owned(),
    };
    entities.insert(stored.clone()).await.unwrap();
    assert_eq!(
        entities
            .find_all_by_row("r", PageRequest::first(5))
            .await
            .unwrap()
            .items,
        vec![stored.clone()]
    );
    assert_eq!(entities.find_by_id("E1").await.unwrap(), Some(stored));

    let repository = repositories
        .insert(user_code::Repository { row: 0 })
        .await
        .unwrap();
    assert_eq!(repository.row, 1);
    assert!(repositories.exists(1).await.unwrap());
}

#[tokio::test]
async fn names_like_the_expansion_work_in_memory() {
    exercise_named_like_the_expansion(
        &user_code::Memories::new(),
        &MemoryRepository::<user_code::Entity>::new(),
        &MemoryRepository::<user_code::Repository>::new(),
    )
    .await;
}

#[cfg(feature = "sqlite")]
#[tokio::test]
async fn names_like_the_expansion_work_on_sqlite() {
    let pool = pact::sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect("sqlite::memory:")
        .await
        .unwrap();
    let memories: user_code::SqlMemories<pact::sqlx::Sqlite> =
        pact::SqliteRepository::<Memory>::new(pool.clone());
    memories.create_table().await.unwrap();
    let entities = pact::SqliteRepository::<user_code::Entity>::new(pool.clone());
    entities.create_table().await.unwrap();
    let repositories = pact::SqliteRepository::<user_code::Repository>::new(pool);
    repositories.create_table().await.unwrap();
    exercise_named_like_the_expansion(&memories, &entities, &repositories).await;
}

fn account(email: &str, key: u8) -> Account {
    Account {
        id: 0,
        email: email.to_owned(),
        organisation: 3,
        r#type: "admin".to_owned(),
        avatar: None,
        api_key: vec![key],
        note: "ignored".to_owned(),
    }
}

#[tokio::test]
async fn generated_code_works_in_hostile_surroundings() {
    let accounts: Arc<dyn AccountRepository> = Arc::new(MemoryRepository::<Account>::new());
    let stored = accounts.insert(account("a@x", 1)).await.unwrap();
    assert_eq!((stored.id, stored.note.as_str()), (1, "fresh"));
    assert_eq!(
        accounts.find_by_api_key(&[1]).await.unwrap(),
        Some(stored.clone())
    );
    assert!(
        accounts
            .insert(account("b@x", 1))
            .await
            .unwrap_err()
            .is_conflict()
    );
    let page = accounts
        .find_all_by_organisation(3, PageRequest::first(100).sorted(Sort::desc("type")))
        .await
        .unwrap();
    assert_eq!((page.items, page.limit), (vec![stored], 10));

    let codes: Arc<dyn CodeRepository> = Arc::new(MemoryRepository::<Code>::new());
    codes.insert(Code { code: "X1".into() }).await.unwrap();
    assert!(codes.exists("X1").await.unwrap());

    assert_eq!(Account::TABLE, "accounts");
    let columns: Vec<&str> = Account::COLUMNS.iter().map(|c| c.name).collect();
    assert_eq!(columns, ["id", "email", "org", "type", "avatar", "api_key"]);
}

#[cfg(feature = "sqlite")]
#[tokio::test]
async fn generated_code_runs_on_sqlite() {
    let pool = pact::sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect("sqlite::memory:")
        .await
        .unwrap();
    let repo = pact::SqliteRepository::<Account>::new(pool);
    repo.create_table().await.unwrap();
    let accounts: Arc<dyn AccountRepository> = Arc::new(repo);
    let stored = accounts.insert(account("a@x", 9)).await.unwrap();
    assert_eq!(accounts.get_by_id(stored.id).await.unwrap(), stored);
    assert_eq!(accounts.find_by_api_key(&[9]).await.unwrap(), Some(stored));
}

/// A versioned entity among the shadows: insert starts at 1, update from a stale copy fails.
async fn exercise_version(revisions: &dyn RevisionRepository) {
    let first = revisions
        .insert(Revision {
            id: 0,
            version: 5,
            set_version: 1,
            current: 2,
        })
        .await
        .unwrap();
    assert_eq!(first.version, 1);
    let mut next = first.clone();
    next.set_version = 3;
    assert_eq!(revisions.update(next).await.unwrap().version, 2);
    let err = revisions.update(first).await.unwrap_err();
    assert!(err.is_version_conflict(), "{err:?}");
}

#[tokio::test]
async fn a_version_works_in_hostile_surroundings() {
    exercise_version(&MemoryRepository::<Revision>::new()).await;
}

#[cfg(feature = "sqlite")]
#[tokio::test]
async fn a_version_works_on_sqlite() {
    let pool = pact::sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect("sqlite::memory:")
        .await
        .unwrap();
    let repo = pact::SqliteRepository::<Revision>::new(pool);
    repo.create_table().await.unwrap();
    exercise_version(&repo).await;
}

/// Timestamps and soft delete among the shadows: set on insert, kept on update, the mark hides
/// the row until it is restored.
#[cfg(feature = "chrono")]
async fn exercise_lifecycle(stamped: &dyn user_code::StampedRepository) {
    let first = stamped
        .insert(user_code::Stamped {
            id: 0,
            created_at: chrono::DateTime::UNIX_EPOCH,
            updated_at: chrono::NaiveDateTime::default(),
            deleted_at: None,
            now: 1,
            stamp: true,
            stored: 2,
            is_deleted: 3,
            keep_created: 4,
        })
        .await
        .unwrap();
    assert!(first.created_at > chrono::DateTime::UNIX_EPOCH);
    let updated = stamped.update(first.clone()).await.unwrap();
    assert_eq!(updated.created_at, first.created_at);
    assert!(stamped.delete_by_id(first.id).await.unwrap());
    assert_eq!(stamped.find_by_id(first.id).await.unwrap(), None);
    assert!(stamped.restore_by_id(first.id).await.unwrap());
    assert_eq!(stamped.count().await.unwrap(), 1);
    assert!(stamped.purge_by_id(first.id).await.unwrap());
}

#[cfg(feature = "chrono")]
#[tokio::test]
async fn timestamps_and_soft_delete_work_in_hostile_surroundings() {
    exercise_lifecycle(&MemoryRepository::<user_code::Stamped>::new()).await;
}

#[cfg(all(feature = "chrono", feature = "sqlite"))]
#[tokio::test]
async fn timestamps_and_soft_delete_work_on_sqlite() {
    let pool = pact::sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect("sqlite::memory:")
        .await
        .unwrap();
    let repo = pact::SqliteRepository::<user_code::Stamped>::new(pool);
    repo.create_table().await.unwrap();
    exercise_lifecycle(&repo).await;
}
