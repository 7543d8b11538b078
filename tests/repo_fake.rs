//! A hand-written `Backend` of a soft-delete entity that leaves the soft-delete methods out: it
//! is still the entity's repository, its own methods answer, and the ones it left out answer
//! `RepoError::Backend` naming the repository and the method (a 500 that says nothing to the
//! client), where pact's repositories restore and purge.
#![cfg(feature = "chrono")]
#![deny(warnings, clippy::pedantic)]

use std::sync::Arc;

use chrono::{DateTime, Utc};
use pact::repository::{Backend, FinderValue, RepoFuture};
use pact::{CursorPage, CursorRequest, MemoryRepository, Page, PageRequest, RepoError, Repository};

#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "notes")]
pub struct Note {
    #[repo(id, generated)]
    pub id: i64,
    pub body: String,
    #[repo(soft_delete)]
    pub deleted_at: Option<DateTime<Utc>>,
}

/// Forwards every operation it must write to memory, and none of the soft-delete ones.
struct Fake(MemoryRepository<Note>);

type Answer<'a, T> = RepoFuture<'a, Result<T, RepoError>>;

#[allow(clippy::elidable_lifetime_names)]
impl Backend<Note> for Fake {
    fn find_by_id<'a>(&'a self, id: i64) -> Answer<'a, Option<Note>> {
        self.0.find_by_id(id)
    }
    fn get_by_id<'a>(&'a self, id: i64) -> Answer<'a, Note> {
        self.0.get_by_id(id)
    }
    fn find_by_ids<'a>(&'a self, ids: &'a [i64]) -> Answer<'a, Vec<Note>> {
        self.0.find_by_ids(ids)
    }
    fn find_all<'a>(&'a self, page: PageRequest) -> Answer<'a, Page<Note>> {
        self.0.find_all(page)
    }
    fn find_all_by_cursor<'a>(&'a self, cursor: CursorRequest) -> Answer<'a, CursorPage<Note>> {
        self.0.find_all_by_cursor(cursor)
    }
    fn load_unique<'a>(&'a self, value: FinderValue<'a, Note>) -> Answer<'a, Option<Note>> {
        self.0.load_unique(value)
    }
    fn list_by<'a>(
        &'a self,
        value: FinderValue<'a, Note>,
        page: PageRequest,
    ) -> Answer<'a, Page<Note>> {
        self.0.list_by(value, page)
    }
    fn count<'a>(&'a self) -> Answer<'a, u64> {
        self.0.count()
    }
    fn exists<'a>(&'a self, id: i64) -> Answer<'a, bool> {
        self.0.exists(id)
    }
    fn insert<'a>(&'a self, entity: Note) -> Answer<'a, Note> {
        self.0.insert(entity)
    }
    fn insert_many<'a>(&'a self, entities: Vec<Note>) -> Answer<'a, Vec<Note>> {
        self.0.insert_many(entities)
    }
    fn update<'a>(&'a self, entity: Note) -> Answer<'a, Note> {
        self.0.update(entity)
    }
    fn delete_by_id<'a>(&'a self, id: i64) -> Answer<'a, bool> {
        self.0.delete_by_id(id)
    }
    fn merge<'a>(&'a self, column: usize, entity: Note) -> Answer<'a, Note> {
        self.0.merge(column, entity)
    }
}

fn note() -> Note {
    Note {
        id: 0,
        body: "remember the milk".into(),
        deleted_at: None,
    }
}

#[tokio::test]
async fn soft_delete_methods_left_out_answer_a_backend_error_naming_them() {
    let notes: Arc<dyn NoteRepository> = Arc::new(Fake(MemoryRepository::new()));
    let stored = notes.insert(note()).await.unwrap();
    assert!(notes.delete_by_id(stored.id).await.unwrap());
    assert_eq!(notes.find_by_id(stored.id).await.unwrap(), None);

    let err = notes.restore_by_id(stored.id).await.unwrap_err();
    assert!(matches!(err, RepoError::Backend(_)), "{err:?}");
    let message = format!("{err:?}");
    assert!(
        message.contains("Fake") && message.contains("Backend::restore_by_id"),
        "{message}"
    );
    let err = notes.purge_by_id(stored.id).await.unwrap_err();
    assert!(
        format!("{err:?}").contains("Backend::purge_by_id"),
        "{err:?}"
    );
    let err = notes.find_by_id_with_deleted(stored.id).await.unwrap_err();
    assert!(
        format!("{err:?}").contains("find_by_id_with_deleted"),
        "{err:?}"
    );
    let err = notes
        .find_all_with_deleted(PageRequest::default())
        .await
        .unwrap_err();
    assert!(
        format!("{err:?}").contains("find_all_with_deleted"),
        "{err:?}"
    );

    // pact's repositories implement them.
    let memory: Arc<dyn NoteRepository> = Arc::new(MemoryRepository::<Note>::new());
    let stored = memory.insert(note()).await.unwrap();
    assert!(memory.delete_by_id(stored.id).await.unwrap());
    assert!(memory.restore_by_id(stored.id).await.unwrap());
    assert_eq!(
        memory.find_by_id(stored.id).await.unwrap(),
        Some(stored.clone())
    );
    assert!(memory.purge_by_id(stored.id).await.unwrap());
    assert_eq!(
        memory.find_by_id_with_deleted(stored.id).await.unwrap(),
        None
    );
}
