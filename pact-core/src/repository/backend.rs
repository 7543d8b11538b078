//! [`Backend`]: every repository operation, written once and generic over the entity.
//!
//! `#[derive(Repository)]` generates a `UserRepository: Backend<User>` trait and one blanket
//! impl: every `Backend<User>` is a `UserRepository`, each of whose methods is one call of
//! `Backend` (`find_by_email(v)` is `load_unique(<the email value>)`). The memory repository, the
//! SQL repositories and the cached decorator implement `Backend<E>` here, once for every
//! entity, so a crate that derives compiles a trait and a few small functions per entity, and
//! the bodies are compiled only where a repository is used.

// Every method names its `'a`, as the generated traits' methods do.
#![allow(clippy::elidable_lifetime_names)]

use super::{CursorPage, CursorRequest, Entity, Page, PageRequest, RepoError};
use crate::repository::RepoFuture;

/// How [`Backend`] takes an id of `E`: `i64` for an `i64` id, `&'a str` for a `String` one.
pub type IdArg<'a, E> = <E as Entity>::IdArg<'a>;

/// A finder value of `E` ([`Entity::Value`]): what [`Backend::load_unique`] and
/// [`Backend::list_by`] take.
pub type FinderValue<'a, E> = <E as Entity>::Value<'a>;

/// Every operation of a repository of `E`, by id, by a finder's value
/// ([`Entity::Value`]) or by column: what the generated `<Entity>Repository` traits are
/// written over. Each method is named apart from the generated ones (`load` is what
/// `find_by_id` calls), so both can be called on a `dyn UserRepository` without ambiguity.
///
/// Implemented by [`MemoryRepository<E>`](super::MemoryRepository), by
/// [`SqlRepository<DB, E>`](super::SqlRepository) and by the cached decorator. To write a
/// repository of your own (a fake that counts calls, a decorator that logs), implement
/// `Backend<User>`; the derive's blanket impl then makes it a `UserRepository`. The generated
/// trait never calls an operation the entity does not have (`restore` without
/// `#[repo(soft_delete)]`, `merge` on a column that is not unique), so a fake may answer those
/// with an error.
///
/// ```
/// # #[derive(Debug, Clone, PartialEq, pact_derive::Repository)]
/// # #[repo(table = "users", crate = pact_core)]
/// # pub struct User { #[repo(id, generated)] pub id: i64, pub name: String }
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// use std::sync::Arc;
/// use pact_core::repository::{Backend, MemoryRepository};
///
/// let users: Arc<dyn UserRepository> = Arc::new(MemoryRepository::<User>::new());
/// let ada = users.insert(User { id: 0, name: "Ada".into() }).await.unwrap();
/// // `UserRepository: Backend<User>`: the generic calls work through the trait object too.
/// assert_eq!(Backend::load(&*users, ada.id).await.unwrap(), Some(ada));
/// # });
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a repository of `{E}`: it does not implement `Backend<{E}>`",
    label = "the generated repository trait is implemented for every `Backend<{E}>`",
    note = "implement `pact::repository::Backend<{E}>` for it (each generated method calls one of its methods); the derive's blanket impl then makes it the entity's repository trait, which is never implemented by hand"
)]
pub trait Backend<E: Entity>: Send + Sync {
    /// `find_by_id`: the entity with this id, or `None`.
    fn load<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<Option<E>, RepoError>>;

    /// `get_by_id`: the entity with this id; [`RepoError::NotFound`] when there is none.
    fn load_or_not_found<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<E, RepoError>>;

    /// `find_by_ids`: the entities with these ids, ordered by id, each once.
    fn load_many<'a>(&'a self, ids: &'a [E::Id]) -> RepoFuture<'a, Result<Vec<E>, RepoError>>;

    /// `find_all`: one page of entities and the total count.
    fn list<'a>(&'a self, page: PageRequest) -> RepoFuture<'a, Result<Page<E>, RepoError>>;

    /// `find_all_by_cursor`: one keyset page.
    fn list_after<'a>(
        &'a self,
        cursor: CursorRequest,
    ) -> RepoFuture<'a, Result<CursorPage<E>, RepoError>>;

    /// `find_by_<unique field>`: the entity whose unique field holds this value, or `None`.
    fn load_unique<'a>(
        &'a self,
        value: E::Value<'a>,
    ) -> RepoFuture<'a, Result<Option<E>, RepoError>>;

    /// `find_all_by_<indexed field>`: one page of the entities whose indexed field holds this
    /// value, and their count.
    fn list_by<'a>(
        &'a self,
        value: E::Value<'a>,
        page: PageRequest,
    ) -> RepoFuture<'a, Result<Page<E>, RepoError>>;

    /// `count`: how many entities are stored.
    fn total<'a>(&'a self) -> RepoFuture<'a, Result<u64, RepoError>>;

    /// `exists`: whether an entity with this id is stored.
    fn contains_id<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<bool, RepoError>>;

    /// `insert`: stores a new row and returns it as stored.
    fn create<'a>(&'a self, entity: E) -> RepoFuture<'a, Result<E, RepoError>>;

    /// `insert_many`: stores several rows, all or none.
    fn create_many<'a>(&'a self, entities: Vec<E>) -> RepoFuture<'a, Result<Vec<E>, RepoError>>;

    /// `update`: replaces the row with this entity's id.
    fn replace<'a>(&'a self, entity: E) -> RepoFuture<'a, Result<E, RepoError>>;

    /// `delete_by_id`: deletes (or, with `#[repo(soft_delete)]`, marks) the row with this id.
    fn remove<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<bool, RepoError>>;

    /// `upsert` and `upsert_by_<unique field>`: inserts, or updates the row holding the
    /// entity's value of `column` (the id's column for `upsert`, a unique field's for
    /// `upsert_by_<field>`).
    fn merge<'a>(&'a self, column: usize, entity: E) -> RepoFuture<'a, Result<E, RepoError>>;

    /// `restore_by_id`: clears the soft-delete mark of the row with this id.
    fn restore<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<bool, RepoError>>;

    /// `find_by_id_with_deleted`: the row with this id, deleted or not.
    fn load_with_deleted<'a>(
        &'a self,
        id: E::IdArg<'a>,
    ) -> RepoFuture<'a, Result<Option<E>, RepoError>>;

    /// `find_all_with_deleted`: one page of every row, deleted or not.
    fn list_with_deleted<'a>(
        &'a self,
        page: PageRequest,
    ) -> RepoFuture<'a, Result<Page<E>, RepoError>>;

    /// `purge_by_id`: removes the row with this id for good.
    fn purge<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<bool, RepoError>>;
}
