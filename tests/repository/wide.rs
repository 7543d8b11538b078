//! An entity of 20 stored fields, wider than the 16 columns of one `SqlRow` tuple: its row is
//! two tuples in a `Wide`, and every column still decodes and binds in its place, on every
//! backend (insert, read, finders, a versioned update and delete).

use std::sync::Arc;

use pact::repository::{SqlBackend, SqlEntity, Store, UnitRepository};
use pact::{PageRequest, Repository, SqlRepository};

use crate::backends::{Backend, Units};

/// Twenty columns of mixed types, with a unique, an indexed and a version field past the 16th.
#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "wide_rows")]
pub struct WideRow {
    #[repo(id, generated)]
    pub id: i64,
    pub c01: String,
    pub c02: i32,
    pub c03: i64,
    pub c04: bool,
    pub c05: f64,
    pub c06: Option<String>,
    pub c07: Vec<u8>,
    pub c08: String,
    pub c09: i16,
    pub c10: Option<i64>,
    pub c11: String,
    pub c12: i32,
    pub c13: String,
    pub c14: i64,
    pub c15: Option<bool>,
    pub c16: String,
    #[repo(unique)]
    pub code: String,
    #[repo(indexed)]
    pub group_id: i32,
    #[repo(version)]
    pub revision: i64,
}

fn row(code: &str, group_id: i32) -> WideRow {
    WideRow {
        id: 0,
        c01: "one".into(),
        c02: -2,
        c03: 3_000_000_000,
        c04: true,
        c05: 5.5,
        c06: Some("six".into()),
        c07: vec![0, 7, 255],
        c08: "eight".into(),
        c09: -9,
        c10: None,
        c11: "eleven".into(),
        c12: 12,
        c13: "thirteen".into(),
        c14: -14,
        c15: Some(false),
        c16: "sixteen".into(),
        code: code.into(),
        group_id,
        revision: 0,
    }
}

async fn on_store<DB>(store: &Store<DB>) -> Arc<dyn WideRowRepository>
where
    DB: SqlBackend,
    WideRow: SqlEntity<DB> + UnitRepository<DB, Dyn = dyn WideRowRepository>,
{
    if let Some(pool) = store.pool() {
        SqlRepository::<DB, WideRow>::new(pool.clone())
            .create_table()
            .await
            .expect("create wide_rows");
    }
    store.repository::<WideRow>()
}

async fn repository(b: &Backend) -> Arc<dyn WideRowRepository> {
    match &b.units {
        Units::Memory(store) | Units::Sqlite(store) => on_store(store).await,
        Units::Postgres(store) => on_store(store).await,
        Units::MySql(store) => on_store(store).await,
    }
}

pub async fn an_entity_wider_than_one_row_tuple_round_trips(b: &Backend) {
    let rows = repository(b).await;
    let stored = rows.insert(row("w-1", 4)).await.unwrap();
    assert!(stored.id > 0, "{}: {stored:?}", b.name);
    let other = rows.insert(row("w-2", 5)).await.unwrap();
    assert_eq!(
        rows.get_by_id(stored.id).await.unwrap(),
        stored,
        "{}: every column in its place",
        b.name
    );
    assert_eq!(
        rows.find_by_code("w-2").await.unwrap(),
        Some(other.clone()),
        "{}: the unique finder binds the 18th column",
        b.name
    );
    let page = rows
        .find_all_by_group_id(4, PageRequest::default())
        .await
        .unwrap();
    assert_eq!(page.items, vec![stored.clone()], "{}", b.name);

    let mut edit = stored.clone();
    edit.c16 = "changed".into();
    edit.c07 = vec![1];
    edit.c10 = Some(10);
    let updated = rows.update(edit.clone()).await.unwrap();
    assert_eq!(updated.revision, stored.revision + 1, "{}", b.name);
    assert_eq!(
        (updated.c16.as_str(), updated.c07.as_slice(), updated.c10),
        ("changed", &[1u8][..], Some(10)),
        "{}",
        b.name
    );
    assert_eq!(
        rows.get_by_id(stored.id).await.unwrap(),
        updated,
        "{}",
        b.name
    );
    let stale = rows.update(edit).await.unwrap_err();
    assert!(
        stale.is_version_conflict(),
        "{}: a stale version: {stale:?}",
        b.name
    );

    assert!(rows.delete_by_id(other.id).await.unwrap(), "{}", b.name);
    assert_eq!(rows.find_by_code("w-2").await.unwrap(), None, "{}", b.name);
    assert_eq!(rows.count().await.unwrap(), 1, "{}", b.name);
}
