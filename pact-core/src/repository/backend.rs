//! [`Backend`]: every repository operation, written once and generic over the entity.
//!
//! `#[derive(Repository)]` generates a `UserRepository: Backend<User>` trait holding what only
//! `User` has (`find_by_email`, `find_all_by_role`, `upsert_by_email`) and one blanket impl:
//! every `Backend<User>` is a `UserRepository`, each finder one call of `Backend`
//! (`find_by_email(v)` is `load_unique(<the email value>)`). The operations every entity has
//! (`find_by_id`, `insert`, `find_all`, ...) are `Backend`'s own methods, reached through the
//! generated trait (`Arc<dyn UserRepository>`) as through any supertrait. The memory
//! repository, the SQL repositories and the cached decorator implement `Backend<E>` here, once
//! for every entity, so a crate that derives compiles a small trait and a few small functions
//! per entity, and the bodies are compiled only where a repository is used.

// Every method names its `'a`, as the generated traits' methods do.
#![allow(clippy::elidable_lifetime_names)]

use super::{CursorPage, CursorRequest, Entity, Page, PageRequest, RepoError};
use crate::repository::RepoFuture;

/// How [`Backend`] takes an id of `E`: `i64` for an `i64` id, `&'a str` for a `String` one.
pub type IdArg<'a, E> = <E as Entity>::IdArg<'a>;

/// A finder value of `E` ([`Entity::Value`]): what [`Backend::load_unique`] and
/// [`Backend::list_by`] take.
pub type FinderValue<'a, E> = <E as Entity>::Value<'a>;

/// An entity with `#[repo(soft_delete)]`: what [`Backend::restore_by_id`],
/// [`Backend::purge_by_id`] and the `_with_deleted` reads need. `#[derive(Repository)]`
/// implements it; calling one of them on another entity's repository does not compile.
///
/// ```compile_fail
/// # #[derive(Debug, Clone, PartialEq, pact_derive::Repository)]
/// # #[repo(table = "tags", crate = pact_core)]
/// # pub struct Tag { #[repo(id, generated)] pub id: i64 }
/// # async fn f(tags: &dyn TagRepository) {
/// tags.restore_by_id(1).await; // `Tag` has no `#[repo(soft_delete)]` field
/// # }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no soft delete",
    label = "`restore_by_id`, `purge_by_id` and the `_with_deleted` reads need `#[repo(soft_delete)]`",
    note = "mark a `deleted_at: Option<...>` field of `{Self}` with `#[repo(soft_delete)]`"
)]
pub trait SoftDeletable: Entity {}

/// Every operation of a repository of `E`: by id, by a finder's value ([`Entity::Value`]) or by
/// column. The generated `<Entity>Repository` traits extend it, so a `dyn UserRepository` has
/// every method here, and a generic `R: UserRepository` too; on a concrete repository
/// (`MemoryRepository<User>`) bring `Backend` into scope (`use pact::repository::Backend`).
///
/// Implemented by [`MemoryRepository<E>`](super::MemoryRepository), by
/// [`SqlRepository<DB, E>`](super::SqlRepository) and by the cached decorator. To write a
/// repository of your own (a fake that counts calls, a decorator that logs), implement
/// `Backend<User>`; the derive's blanket impl then makes it a `UserRepository`. The generated
/// trait never calls an operation the entity does not have (`merge` on a column that is not
/// unique), so a fake may answer those with an error. The soft-delete methods
/// (`restore_by_id`, `purge_by_id`, the `_with_deleted` reads) can only be called for a
/// [`SoftDeletable`] entity and answer [`RepoError::Backend`] unless implemented: pact's
/// repositories implement them, and a fake of a soft-delete entity should. Every method returns a [`RepoFuture`]:
/// [`RepoFuture::ready`] for an answer known at once, [`RepoFuture::boxed`] for I/O.
///
/// ```
/// # #[derive(Debug, Clone, PartialEq, pact_derive::Repository)]
/// # #[repo(table = "users", crate = pact_core)]
/// # pub struct User { #[repo(id, generated)] pub id: i64, #[repo(unique)] pub email: String }
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// use std::sync::Arc;
/// use pact_core::repository::{Backend, MemoryRepository};
///
/// let users: Arc<dyn UserRepository> = Arc::new(MemoryRepository::<User>::new());
/// let ada = users.insert(User { id: 0, email: "ada@example.com".into() }).await.unwrap();
/// assert_eq!(users.find_by_id(ada.id).await.unwrap(), Some(ada.clone()));
/// // The entity's own finder, generated, is one call of `Backend::load_unique`.
/// assert_eq!(users.find_by_email("ada@example.com").await.unwrap(), Some(ada));
///
/// // On a concrete repository, with `Backend` in scope:
/// let memory = MemoryRepository::<User>::new();
/// assert_eq!(memory.count().await.unwrap(), 0);
/// # });
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a repository of `{E}`: it does not implement `Backend<{E}>`",
    label = "the generated repository trait is implemented for every `Backend<{E}>`",
    note = "implement `pact::repository::Backend<{E}>` for it (each generated method calls one of its methods); the derive's blanket impl then makes it the entity's repository trait, which is never implemented by hand"
)]
pub trait Backend<E: Entity>: Send + Sync {
    /// The entity with this id, or `None`.
    fn find_by_id<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<Option<E>, RepoError>>;

    /// The entity with this id; [`RepoError::NotFound`] (404) when there is none.
    fn get_by_id<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<E, RepoError>>;

    /// The entities with these ids, ordered by id, each once; ids without a row are left out.
    /// One query on SQL (`WHERE id IN (...)`, one per 999 ids), not one per id.
    fn find_by_ids<'a>(&'a self, ids: &'a [E::Id]) -> RepoFuture<'a, Result<Vec<E>, RepoError>>;

    /// One page of entities and the total count. The limit is clamped to the entity's
    /// `MAX_PAGE_SIZE`; a sort key must name a sortable field ([`RepoError::InvalidSort`]
    /// otherwise).
    fn find_all<'a>(&'a self, page: PageRequest) -> RepoFuture<'a, Result<Page<E>, RepoError>>;

    /// One keyset page: the rows after the request's `after` cursor (the first rows without
    /// one), ordered by the sort field and then the id, and the cursor of the next page (`None`
    /// on the last). Stable while rows are inserted, and no `OFFSET` to scan past. The limit is
    /// clamped to `1..=MAX_PAGE_SIZE`; a sort key must name the id or a sortable field
    /// ([`RepoError::InvalidSort`] otherwise), and a cursor this repository did not write for
    /// this sort is [`RepoError::InvalidCursor`] (400).
    fn find_all_by_cursor<'a>(
        &'a self,
        cursor: CursorRequest,
    ) -> RepoFuture<'a, Result<CursorPage<E>, RepoError>>;

    /// `find_by_<unique field>`: the entity whose unique field holds this value, or `None`.
    /// The generated trait's finders call it; call them instead.
    fn load_unique<'a>(
        &'a self,
        value: E::Value<'a>,
    ) -> RepoFuture<'a, Result<Option<E>, RepoError>>;

    /// `find_all_by_<indexed field>`: one page of the entities whose indexed field holds this
    /// value, and their count. The generated trait's finders call it; call them instead.
    fn list_by<'a>(
        &'a self,
        value: E::Value<'a>,
        page: PageRequest,
    ) -> RepoFuture<'a, Result<Page<E>, RepoError>>;

    /// How many entities are stored (with `#[repo(soft_delete)]`: live ones).
    fn count<'a>(&'a self) -> RepoFuture<'a, Result<u64, RepoError>>;

    /// Whether an entity with this id is stored.
    fn exists<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<bool, RepoError>>;

    /// Stores a new row and returns it as stored (with its generated id, version and
    /// timestamps); [`RepoError::Conflict`] (409) when the id or a unique field is taken.
    fn insert<'a>(&'a self, entity: E) -> RepoFuture<'a, Result<E, RepoError>>;

    /// Stores several rows in one transaction: all of them, or none and the error.
    fn insert_many<'a>(&'a self, entities: Vec<E>) -> RepoFuture<'a, Result<Vec<E>, RepoError>>;

    /// Replaces the whole row with this entity's id; [`RepoError::NotFound`] (404) when there
    /// is none, [`RepoError::Conflict`] (409) when a unique field is taken. With
    /// `#[repo(version)]` it succeeds only from the stored version and returns the entity with
    /// the next one; [`RepoError::VersionConflict`] (409, with the stored version) when another
    /// update came first.
    fn update<'a>(&'a self, entity: E) -> RepoFuture<'a, Result<E, RepoError>>;

    /// Deletes the row with this id; whether there was one. With `#[repo(soft_delete)]` it
    /// marks the live row as deleted instead (the field set to now): every read and `update`
    /// skip it from then on, but the `_with_deleted` reads; [`restore_by_id`] undoes it,
    /// [`purge_by_id`] removes the row. A marked row keeps its unique values: inserting
    /// another row with one of them is [`RepoError::Conflict`] (409).
    ///
    /// [`restore_by_id`]: Backend::restore_by_id
    /// [`purge_by_id`]: Backend::purge_by_id
    fn delete_by_id<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<bool, RepoError>>;

    /// `upsert` and `upsert_by_<unique field>`: inserts, or updates the row holding the
    /// entity's value of `column` (the id's column for `upsert`, a unique field's for
    /// `upsert_by_<field>`). The generated trait's upserts call it; call them instead.
    fn merge<'a>(&'a self, column: usize, entity: E) -> RepoFuture<'a, Result<E, RepoError>>;

    /// Clears the soft-delete mark of the deleted row with this id; whether there was one. A
    /// live row is left as it is (`false`).
    fn restore_by_id<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<bool, RepoError>>
    where
        E: SoftDeletable,
    {
        let _ = id;
        unsupported::<Self, _>("restore_by_id")
    }

    /// The row with this id, deleted or not, or `None`.
    fn find_by_id_with_deleted<'a>(
        &'a self,
        id: E::IdArg<'a>,
    ) -> RepoFuture<'a, Result<Option<E>, RepoError>>
    where
        E: SoftDeletable,
    {
        let _ = id;
        unsupported::<Self, _>("find_by_id_with_deleted")
    }

    /// One page of every row, deleted or not, and their total count; sorted and clamped as
    /// [`find_all`](Backend::find_all).
    fn find_all_with_deleted<'a>(
        &'a self,
        page: PageRequest,
    ) -> RepoFuture<'a, Result<Page<E>, RepoError>>
    where
        E: SoftDeletable,
    {
        let _ = page;
        unsupported::<Self, _>("find_all_with_deleted")
    }

    /// Deletes the row with this id for good (a SQL `DELETE`), deleted or not; whether there
    /// was one.
    fn purge_by_id<'a>(&'a self, id: E::IdArg<'a>) -> RepoFuture<'a, Result<bool, RepoError>>
    where
        E: SoftDeletable,
    {
        let _ = id;
        unsupported::<Self, _>("purge_by_id")
    }
}

/// The answer of a soft-delete method a repository does not implement: a
/// [`RepoError::Backend`] naming it (a 500 whose message stays in the logs).
fn unsupported<R: ?Sized, T>(method: &str) -> RepoFuture<'static, Result<T, RepoError>> {
    RepoFuture::ready(Err(RepoError::backend(format!(
        "`{}` does not implement `Backend::{method}`",
        std::any::type_name::<R>()
    ))))
}
