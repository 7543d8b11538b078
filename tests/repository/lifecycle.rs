//! Timestamps and soft delete: `#[repo(created_at)]` and `#[repo(updated_at)]` set by the
//! repository (to the microsecond, so every backend returns what it stored), and
//! `#[repo(soft_delete)]` rows hidden from every read, restored, read with the deleted ones
//! and purged; deleted rows keep their unique values. Upserts on the id and on a unique field,
//! with the version and timestamps handled.

use std::sync::Arc;

use chrono::{DateTime, NaiveDateTime, Utc};
use pact::repository::{SqlBackend, SqlEntity, Store, UnitRepository};
use pact::{CursorRequest, PageRequest, RepoError, Repository, Sort, SqlRepository};

use crate::backends::{Backend, Units};

/// Every timestamp key, on chrono types: an aware `created_at` (sortable), a naive
/// `updated_at` and an aware soft-delete mark, beside a unique and an indexed field.
#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "notes")]
pub struct Note {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(unique)]
    pub slug: String,
    #[repo(indexed)]
    pub owner: i32,
    pub body: String,
    #[repo(version)]
    pub revision: i32,
    #[repo(created_at, sortable)]
    pub created_at: DateTime<Utc>,
    #[repo(updated_at)]
    pub updated_at: NaiveDateTime,
    #[repo(soft_delete)]
    pub deleted_at: Option<DateTime<Utc>>,
}

/// The same keys on `time` types, with an id chosen by the application.
#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "events")]
pub struct Event {
    #[repo(id)]
    pub code: String,
    pub title: String,
    #[repo(unique)]
    pub handle: String,
    #[repo(created_at)]
    pub created: time::OffsetDateTime,
    #[repo(updated_at)]
    pub updated: time::PrimitiveDateTime,
    #[repo(soft_delete)]
    pub removed: Option<time::OffsetDateTime>,
}

fn note(slug: &str, owner: i32) -> Note {
    Note {
        id: 0,
        slug: slug.to_owned(),
        owner,
        body: "body".to_owned(),
        revision: 0,
        // Whatever the caller puts here, the repository sets its own values.
        created_at: DateTime::UNIX_EPOCH,
        updated_at: NaiveDateTime::default(),
        deleted_at: Some(DateTime::UNIX_EPOCH),
    }
}

fn event(code: &str) -> Event {
    Event {
        code: code.to_owned(),
        title: "launch".to_owned(),
        handle: format!("h-{code}"),
        created: time::OffsetDateTime::UNIX_EPOCH,
        updated: time::PrimitiveDateTime::MIN,
        removed: None,
    }
}

/// The repositories of this module on the backend's store, their tables created.
pub struct Repos {
    pub notes: Arc<dyn NoteRepository>,
    pub events: Arc<dyn EventRepository>,
}

async fn on_store<DB>(store: &Store<DB>) -> Repos
where
    DB: SqlBackend,
    Note: SqlEntity<DB> + UnitRepository<DB, Dyn = dyn NoteRepository>,
    Event: SqlEntity<DB> + UnitRepository<DB, Dyn = dyn EventRepository>,
{
    if let Some(pool) = store.pool() {
        SqlRepository::<DB, Note>::new(pool.clone())
            .create_table()
            .await
            .expect("create notes");
        SqlRepository::<DB, Event>::new(pool.clone())
            .create_table()
            .await
            .expect("create events");
    }
    Repos {
        notes: store.repository::<Note>(),
        events: store.repository::<Event>(),
    }
}

pub async fn repos(b: &Backend) -> Repos {
    match &b.units {
        Units::Memory(store) | Units::Sqlite(store) => on_store(store).await,
        Units::Postgres(store) => on_store(store).await,
        Units::MySql(store) => on_store(store).await,
    }
}

fn whole_micros(at: DateTime<Utc>) -> bool {
    at.timestamp_subsec_nanos().is_multiple_of(1_000)
}

pub async fn timestamps_are_set_on_insert_and_kept_on_update(b: &Backend) {
    let r = repos(b).await;
    let before = Utc::now() - chrono::Duration::milliseconds(1);
    let stored = r.notes.insert(note("a", 1)).await.unwrap();
    let after = Utc::now() + chrono::Duration::milliseconds(1);
    assert!(
        before <= stored.created_at && stored.created_at <= after,
        "{}: {stored:?}",
        b.name
    );
    assert_eq!(
        stored.created_at.naive_utc(),
        stored.updated_at,
        "{}: one clock reading per insert",
        b.name
    );
    assert_eq!(stored.deleted_at, None, "{}: an insert is live", b.name);
    assert!(whole_micros(stored.created_at), "{}: {stored:?}", b.name);
    assert_eq!(
        r.notes.get_by_id(stored.id).await.unwrap(),
        stored,
        "{}: the database holds exactly what insert returned (microseconds)",
        b.name
    );

    tokio::time::sleep(std::time::Duration::from_millis(2)).await;
    let mut edit = stored.clone();
    edit.body = "edited".into();
    edit.created_at = DateTime::UNIX_EPOCH; // ignored: an update never changes created_at
    let updated = r.notes.update(edit).await.unwrap();
    assert_eq!(
        updated.created_at, stored.created_at,
        "{}: update returns the stored created_at",
        b.name
    );
    assert!(
        updated.updated_at > stored.updated_at,
        "{}: {updated:?}",
        b.name
    );
    assert!(whole_micros(updated.updated_at.and_utc()), "{}", b.name);
    assert_eq!(updated.body, "edited");
    assert_eq!(
        r.notes.get_by_id(stored.id).await.unwrap(),
        updated,
        "{}: the stored row is the returned one",
        b.name
    );

    let many = r
        .notes
        .insert_many(vec![note("b", 1), note("c", 1)])
        .await
        .unwrap();
    for n in many {
        assert!(n.created_at >= stored.created_at, "{}: {n:?}", b.name);
        assert_eq!(r.notes.get_by_id(n.id).await.unwrap(), n, "{}", b.name);
    }
}

pub async fn time_types_are_stamped_and_soft_deleted(b: &Backend) {
    let r = repos(b).await;
    let stored = r.events.insert(event("e1")).await.unwrap();
    assert_eq!(stored.created.nanosecond() % 1_000, 0, "{}", b.name);
    assert_eq!(stored.updated.assume_utc(), stored.created, "{}", b.name);
    assert!(
        stored.created > time::OffsetDateTime::UNIX_EPOCH,
        "{}",
        b.name
    );
    assert_eq!(
        r.events.get_by_id("e1").await.unwrap(),
        stored,
        "{}",
        b.name
    );
    tokio::time::sleep(std::time::Duration::from_millis(2)).await;
    let mut edit = stored.clone();
    edit.title = "moved".into();
    let updated = r.events.update(edit).await.unwrap();
    assert_eq!(updated.created, stored.created, "{}", b.name);
    assert!(updated.updated > stored.updated, "{}", b.name);
    assert_eq!(
        r.events.get_by_id("e1").await.unwrap(),
        updated,
        "{}",
        b.name
    );

    assert!(r.events.delete_by_id("e1").await.unwrap(), "{}", b.name);
    assert_eq!(r.events.find_by_id("e1").await.unwrap(), None, "{}", b.name);
    let deleted = r
        .events
        .find_by_id_with_deleted("e1")
        .await
        .unwrap()
        .unwrap();
    let removed = deleted.removed.expect("marked");
    assert!(removed >= updated.updated.assume_utc(), "{}", b.name);
    assert_eq!(removed.nanosecond() % 1_000, 0, "{}", b.name);
    assert!(r.events.restore_by_id("e1").await.unwrap(), "{}", b.name);
    assert_eq!(
        r.events.get_by_id("e1").await.unwrap(),
        updated,
        "{}: restored as it was",
        b.name
    );
}

pub async fn a_soft_deleted_row_is_hidden_from_every_read(b: &Backend) {
    let r = repos(b).await;
    let a = r.notes.insert(note("a", 7)).await.unwrap();
    let kept = r.notes.insert(note("b", 7)).await.unwrap();
    assert!(r.notes.delete_by_id(a.id).await.unwrap(), "{}", b.name);
    assert!(
        !r.notes.delete_by_id(a.id).await.unwrap(),
        "{}: a deleted row is not deleted twice",
        b.name
    );
    assert!(!r.notes.delete_by_id(999).await.unwrap(), "{}", b.name);

    assert_eq!(r.notes.find_by_id(a.id).await.unwrap(), None, "{}", b.name);
    assert!(
        r.notes.get_by_id(a.id).await.unwrap_err().is_not_found(),
        "{}",
        b.name
    );
    assert!(!r.notes.exists(a.id).await.unwrap(), "{}", b.name);
    assert!(r.notes.exists(kept.id).await.unwrap(), "{}", b.name);
    assert_eq!(r.notes.count().await.unwrap(), 1, "{}", b.name);
    assert_eq!(r.notes.find_by_slug("a").await.unwrap(), None, "{}", b.name);
    assert_eq!(
        r.notes.find_by_slug("b").await.unwrap(),
        Some(kept.clone()),
        "{}",
        b.name
    );
    assert_eq!(
        r.notes.find_by_ids(&[a.id, kept.id]).await.unwrap(),
        vec![kept.clone()],
        "{}",
        b.name
    );
    for request in [
        PageRequest::first(10),
        PageRequest::first(10).sorted(Sort::desc("created_at")),
        PageRequest::first(10).sorted(Sort::asc("id")),
    ] {
        let page = r.notes.find_all(request.clone()).await.unwrap();
        assert_eq!(
            (page.total, page.items.clone()),
            (1, vec![kept.clone()]),
            "{}: {request:?}",
            b.name
        );
        let page = r.notes.find_all_by_owner(7, request.clone()).await.unwrap();
        assert_eq!(
            (page.total, page.items),
            (1, vec![kept.clone()]),
            "{}: {request:?}",
            b.name
        );
    }
    // Keyset pages skip marked rows too, on the first page and after a cursor.
    let third = r.notes.insert(note("c", 7)).await.unwrap();
    r.notes.delete_by_id(third.id).await.unwrap();
    for sort in [None, Some(Sort::asc("created_at")), Some(Sort::desc("id"))] {
        let mut request = CursorRequest::first(10);
        request.sort.clone_from(&sort);
        let page = r.notes.find_all_by_cursor(request.clone()).await.unwrap();
        assert_eq!(page.items, vec![kept.clone()], "{}: {sort:?}", b.name);
        assert_eq!(page.next, None, "{}: {sort:?}", b.name);
        request.limit = 1;
        let first = r.notes.find_all_by_cursor(request.clone()).await.unwrap();
        assert_eq!(first.items, vec![kept.clone()], "{}: {sort:?}", b.name);
        if let Some(next) = first.next {
            let rest = r
                .notes
                .find_all_by_cursor(request.after(next))
                .await
                .unwrap();
            assert!(rest.items.is_empty(), "{}: {sort:?}: {rest:?}", b.name);
        }
    }
    let mut edit = a.clone();
    edit.body = "changed".into();
    assert!(
        r.notes.update(edit).await.unwrap_err().is_not_found(),
        "{}: a deleted row cannot be updated",
        b.name
    );
}

pub async fn restore_and_reads_with_deleted_rows(b: &Backend) {
    let r = repos(b).await;
    let a = r.notes.insert(note("a", 1)).await.unwrap();
    let live = r.notes.insert(note("b", 1)).await.unwrap();
    assert!(
        !r.notes.restore_by_id(a.id).await.unwrap(),
        "{}: a live row is not restored",
        b.name
    );
    r.notes.delete_by_id(a.id).await.unwrap();
    let deleted = r
        .notes
        .find_by_id_with_deleted(a.id)
        .await
        .unwrap()
        .expect("still stored");
    let at = deleted.deleted_at.expect("marked");
    assert!(at >= a.created_at && whole_micros(at), "{}: {at}", b.name);
    assert_eq!(
        Note {
            deleted_at: None,
            ..deleted.clone()
        },
        a,
        "{}: only the mark changed",
        b.name
    );
    assert_eq!(
        r.notes.find_by_id_with_deleted(live.id).await.unwrap(),
        Some(live.clone()),
        "{}",
        b.name
    );
    let all = r
        .notes
        .find_all_with_deleted(PageRequest::first(10))
        .await
        .unwrap();
    assert_eq!(
        (all.total, all.items),
        (2, vec![deleted.clone(), live.clone()]),
        "{}",
        b.name
    );
    let sorted = r
        .notes
        .find_all_with_deleted(PageRequest::first(1).sorted(Sort::desc("created_at")))
        .await
        .unwrap();
    assert_eq!(
        (sorted.total, sorted.items),
        (2, vec![live.clone()]),
        "{}",
        b.name
    );
    assert!(
        r.notes
            .find_all_with_deleted(PageRequest::first(1).sorted(Sort::asc("body")))
            .await
            .is_err_and(|err| matches!(err, RepoError::InvalidSort { .. })),
        "{}",
        b.name
    );

    assert!(r.notes.restore_by_id(a.id).await.unwrap(), "{}", b.name);
    assert!(!r.notes.restore_by_id(a.id).await.unwrap(), "{}", b.name);
    assert!(!r.notes.restore_by_id(999).await.unwrap(), "{}", b.name);
    assert_eq!(
        r.notes.get_by_id(a.id).await.unwrap(),
        a,
        "{}: restored as it was",
        b.name
    );
    assert_eq!(r.notes.count().await.unwrap(), 2, "{}", b.name);
}

pub async fn purge_removes_live_and_deleted_rows(b: &Backend) {
    let r = repos(b).await;
    let a = r.notes.insert(note("a", 1)).await.unwrap();
    let c = r.notes.insert(note("c", 1)).await.unwrap();
    r.notes.delete_by_id(a.id).await.unwrap();
    assert!(r.notes.purge_by_id(a.id).await.unwrap(), "{}", b.name);
    assert!(r.notes.purge_by_id(c.id).await.unwrap(), "{}", b.name);
    assert!(!r.notes.purge_by_id(a.id).await.unwrap(), "{}", b.name);
    assert_eq!(r.notes.find_by_id_with_deleted(a.id).await.unwrap(), None);
    assert_eq!(r.notes.find_by_id_with_deleted(c.id).await.unwrap(), None);
    let all = r
        .notes
        .find_all_with_deleted(PageRequest::first(10))
        .await
        .unwrap();
    assert_eq!(all.total, 0, "{}", b.name);
}

pub async fn a_soft_deleted_row_keeps_its_unique_values(b: &Backend) {
    let r = repos(b).await;
    let a = r.notes.insert(note("taken", 1)).await.unwrap();
    r.notes.delete_by_id(a.id).await.unwrap();
    let err = r.notes.insert(note("taken", 2)).await.unwrap_err();
    match &err {
        RepoError::Conflict { entity, field, .. } => assert_eq!(
            (*entity, *field),
            ("Note", Some("slug")),
            "{}: {err:?}",
            b.name
        ),
        other => panic!("{}: expected Conflict, got {other:?}", b.name),
    }
    let other = r.notes.insert(note("other", 1)).await.unwrap();
    let mut edit = other.clone();
    edit.slug = "taken".into();
    assert!(
        r.notes.update(edit).await.unwrap_err().is_conflict(),
        "{}: an update cannot take a deleted row's value either",
        b.name
    );
    assert!(r.notes.purge_by_id(a.id).await.unwrap());
    let again = r.notes.insert(note("taken", 2)).await.unwrap();
    assert_eq!(again.slug, "taken", "{}: free once purged", b.name);
}

/// A soft delete and an insert inside a unit of work that fails are both undone.
pub async fn a_failed_unit_undoes_its_soft_delete(b: &Backend) {
    match &b.units {
        Units::Memory(store) | Units::Sqlite(store) => failed_unit(b.name, store).await,
        Units::Postgres(store) => failed_unit(b.name, store).await,
        Units::MySql(store) => failed_unit(b.name, store).await,
    }
}

async fn failed_unit<DB>(name: &str, store: &Store<DB>)
where
    DB: SqlBackend,
    Note: SqlEntity<DB> + UnitRepository<DB, Dyn = dyn NoteRepository>,
    Event: SqlEntity<DB> + UnitRepository<DB, Dyn = dyn EventRepository>,
{
    let r = on_store(store).await;
    let a = r.notes.insert(note("a", 1)).await.unwrap();
    let id = a.id;
    let result: Result<(), RepoError> = store
        .transaction(|unit| async move {
            let notes = unit.repository::<Note>();
            assert!(notes.delete_by_id(id).await?);
            assert_eq!(notes.find_by_id(id).await?, None, "seen inside");
            notes.insert(note("b", 1)).await?;
            Err(RepoError::backend("the last step failed"))
        })
        .await;
    assert!(result.is_err(), "{name}");
    assert_eq!(
        r.notes.get_by_id(a.id).await.unwrap(),
        a,
        "{name}: still live"
    );
    assert_eq!(r.notes.count().await.unwrap(), 1, "{name}");
    assert_eq!(r.notes.find_by_slug("b").await.unwrap(), None, "{name}");
}

pub async fn upsert_by_id_inserts_then_updates(b: &Backend) {
    let r = repos(b).await;
    let inserted = r.events.upsert(event("u1")).await.unwrap();
    assert_eq!(
        inserted.updated.assume_utc(),
        inserted.created,
        "{}",
        b.name
    );
    assert!(
        inserted.created > time::OffsetDateTime::UNIX_EPOCH,
        "{}",
        b.name
    );
    assert_eq!(
        r.events.get_by_id("u1").await.unwrap(),
        inserted,
        "{}",
        b.name
    );
    tokio::time::sleep(std::time::Duration::from_millis(2)).await;
    let mut changed = event("u1");
    changed.title = "changed".into();
    let updated = r.events.upsert(changed).await.unwrap();
    assert_eq!(updated.title, "changed", "{}", b.name);
    assert_eq!(
        updated.created, inserted.created,
        "{}: the update path keeps created_at",
        b.name
    );
    assert!(updated.updated > inserted.updated, "{}", b.name);
    assert_eq!(
        r.events.get_by_id("u1").await.unwrap(),
        updated,
        "{}",
        b.name
    );
    assert_eq!(r.events.count().await.unwrap(), 1, "{}", b.name);
}

pub async fn upsert_by_a_unique_field_keeps_the_id_and_counts_versions(b: &Backend) {
    let r = repos(b).await;
    let other = r.notes.insert(note("other", 1)).await.unwrap();
    let first = r.notes.upsert_by_slug(note("s", 1)).await.unwrap();
    assert_ne!(first.id, other.id, "{}", b.name);
    assert_eq!(
        (first.revision, first.deleted_at),
        (1, None),
        "{}: inserted at version 1, live",
        b.name
    );
    assert_eq!(
        r.notes.get_by_id(first.id).await.unwrap(),
        first,
        "{}",
        b.name
    );
    tokio::time::sleep(std::time::Duration::from_millis(2)).await;
    let mut again = note("s", 2);
    again.body = "second".into();
    again.revision = 40; // not checked: an upsert increments the stored version
    let second = r.notes.upsert_by_slug(again).await.unwrap();
    assert_eq!(
        (
            second.id,
            second.revision,
            second.owner,
            second.body.as_str()
        ),
        (first.id, 2, 2, "second"),
        "{}",
        b.name
    );
    assert_eq!(second.created_at, first.created_at, "{}", b.name);
    assert!(second.updated_at > first.updated_at, "{}", b.name);
    assert_eq!(
        r.notes.get_by_id(first.id).await.unwrap(),
        second,
        "{}",
        b.name
    );
    let third = r.notes.upsert_by_slug(note("s", 3)).await.unwrap();
    assert_eq!(third.revision, 3, "{}", b.name);
    assert_eq!(r.notes.count().await.unwrap(), 2, "{}", b.name);
    assert!(
        r.notes
            .upsert_by_slug(note(&"x".repeat(256), 1))
            .await
            .unwrap_err()
            .is_invalid_value(),
        "{}: values are checked before SQL",
        b.name
    );
}

pub async fn an_upsert_that_conflicts_on_another_unique_field_is_409(b: &Backend) {
    let r = repos(b).await;
    let e1 = r.events.insert(event("e1")).await.unwrap();
    let e2 = r.events.insert(event("e2")).await.unwrap();
    // The update path: e1 exists, but its new handle is e2's.
    let mut taken = event("e1");
    taken.handle = "h-e2".into();
    taken.title = "lost".into();
    let err = r.events.upsert(taken).await.unwrap_err();
    assert!(err.is_conflict(), "{}: {err:?}", b.name);
    // The insert path: e3 is new, but its handle is e1's.
    let mut fresh = event("e3");
    fresh.handle = "h-e1".into();
    let err = r.events.upsert(fresh).await.unwrap_err();
    assert!(err.is_conflict(), "{}: {err:?}", b.name);
    assert_eq!(
        r.events.get_by_id("e1").await.unwrap(),
        e1,
        "{}: unchanged",
        b.name
    );
    assert_eq!(
        r.events.get_by_id("e2").await.unwrap(),
        e2,
        "{}: unchanged",
        b.name
    );
    assert_eq!(r.events.count().await.unwrap(), 2, "{}", b.name);
}

pub async fn an_upsert_restores_a_soft_deleted_row(b: &Backend) {
    let r = repos(b).await;
    let stored = r.notes.insert(note("gone", 1)).await.unwrap();
    r.notes.delete_by_id(stored.id).await.unwrap();
    let back = r.notes.upsert_by_slug(note("gone", 5)).await.unwrap();
    assert_eq!(
        (back.id, back.revision, back.owner, back.deleted_at),
        (stored.id, 2, 5, None),
        "{}",
        b.name
    );
    assert_eq!(back.created_at, stored.created_at, "{}", b.name);
    assert_eq!(
        r.notes.get_by_id(stored.id).await.unwrap(),
        back,
        "{}",
        b.name
    );
}

/// Upserts inside a unit of work that fails leave nothing: no new row, no changed one.
pub async fn upserts_inside_a_failed_unit_leave_nothing(b: &Backend) {
    match &b.units {
        Units::Memory(store) | Units::Sqlite(store) => failed_upserts(b.name, store).await,
        Units::Postgres(store) => failed_upserts(b.name, store).await,
        Units::MySql(store) => failed_upserts(b.name, store).await,
    }
}

async fn failed_upserts<DB>(name: &str, store: &Store<DB>)
where
    DB: SqlBackend,
    Note: SqlEntity<DB> + UnitRepository<DB, Dyn = dyn NoteRepository>,
    Event: SqlEntity<DB> + UnitRepository<DB, Dyn = dyn EventRepository>,
{
    let r = on_store(store).await;
    let a = r.notes.insert(note("a", 1)).await.unwrap();
    let result: Result<(), RepoError> = store
        .transaction(|unit| async move {
            let notes = unit.repository::<Note>();
            let updated = notes.upsert_by_slug(note("a", 9)).await?;
            assert_eq!(updated.revision, 2, "seen inside");
            notes.upsert_by_slug(note("new", 1)).await?;
            unit.repository::<Event>().upsert(event("x")).await?;
            Err(RepoError::backend("the last step failed"))
        })
        .await;
    assert!(result.is_err(), "{name}");
    assert_eq!(r.notes.get_by_id(a.id).await.unwrap(), a, "{name}");
    assert_eq!(r.notes.count().await.unwrap(), 1, "{name}");
    assert_eq!(r.events.count().await.unwrap(), 0, "{name}");
}
