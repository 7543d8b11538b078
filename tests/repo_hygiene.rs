//! `#[derive(Repository)]` output stays correct and warning-free with no prelude, with user
//! items shadowing the names generated code could lean on, and under `clippy::pedantic`
//! (`cargo clippy --all-targets` checks this file).
#![deny(warnings, clippy::all, clippy::pedantic)]

#[no_implicit_prelude]
mod user_code {
    #[allow(dead_code)]
    pub struct Result;
    #[allow(dead_code)]
    pub struct Option;
    #[allow(dead_code)]
    pub struct Box;
    #[allow(dead_code)]
    pub struct Vec;
    #[allow(dead_code)]
    pub struct Ok;
    #[allow(dead_code)]
    pub struct Some;
    #[allow(dead_code)]
    pub struct None;
    #[allow(dead_code)]
    pub struct String;
    #[allow(dead_code)]
    pub struct Column;
    #[allow(dead_code)]
    pub struct Page;
    #[allow(dead_code)]
    pub struct RepoError;
    #[allow(dead_code)]
    pub trait Entity {}
    #[allow(dead_code)]
    pub trait Send {}
    #[allow(dead_code)]
    pub trait PartialEq {}
    #[allow(dead_code)]
    pub mod core {}
    #[allow(dead_code)]
    pub mod std {}
    #[allow(dead_code)]
    pub mod pact {}

    /// An entity with every kind of field.
    #[derive(
        ::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::pact::Repository,
    )]
    #[repo(table = "accounts", max_page_size = 10)]
    pub struct Account {
        #[repo(id, generated)]
        pub id: i32,
        #[repo(unique)]
        pub email: ::std::string::String,
        #[repo(indexed, column = "org")]
        pub organisation: i64,
        #[repo(sortable)]
        pub r#type: ::std::string::String,
        pub avatar: ::core::option::Option<::std::vec::Vec<u8>>,
        #[repo(unique)]
        pub api_key: ::std::vec::Vec<u8>,
        #[repo(skip, default = <::std::string::String as ::core::convert::From<&str>>::from("fresh"))]
        pub note: ::std::string::String,
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
use user_code::{Account, AccountRepository, Code, CodeRepository};

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
