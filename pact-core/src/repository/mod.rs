//! Repositories: the runtime behind `#[derive(Repository)]`.
//!
//! The derive turns an entity struct into [`Entity`] metadata (table, columns, per-dialect SQL
//! computed at compile time), row decoding and parameter binding ([`SqlEntity`]), and a
//! `<Entity>Repository` trait over [`Backend`], the operations written once for every entity
//! and implemented by [`MemoryRepository`] and [`SqlRepository`] (SQLite, PostgreSQL,
//! MySQL/MariaDB, behind the `sqlite`, `postgres` and `mysql` features).
//! Every call fails with a [`RepoError`], which is an [`ApiError`](crate::ApiError).

mod backend;
#[cfg(feature = "_cache")]
pub mod cache;
mod column;
mod cursor;
mod entity;
mod error;
mod future;
mod memory;
mod page;
mod sql;
mod sql_text;
mod statements;
pub(crate) mod timestamp;
mod unit_of_work;

pub use backend::{Backend, FinderValue, IdArg, SoftDeletable};
pub use column::{CheckedValue, Column, FieldArg};
pub use cursor::{CursorKey, CursorPage, CursorRequest, KeyCodec, Keyset, MAX_CURSOR_LEN};
pub use entity::{Entity, EntityId, EntityRow, UniqueValue};
pub use error::RepoError;
pub use future::{BoxFuture, RepoFuture};
pub use memory::{MemoryRepository, MemoryStore, MemoryUnit};
pub use page::{Direction, Page, PageRequest, Sort};
pub use sql::{
    Bind, Savepoint, SqlBackend, SqlBind, SqlColumn, SqlDecode, SqlEntity, SqlExecutor, SqlKeyset,
    SqlRepository, SqlRow, Wide,
};
pub use sql_text::{decode as decode_statements, statements_of};
pub use statements::{Dialect, Finder, SoftDelete, Statements, Upsert};
pub use timestamp::{Stamp, Timestamp, now_unix_micros};

#[cfg(feature = "mysql")]
pub use sql::MySqlRepository;
#[cfg(feature = "postgres")]
pub use sql::PgRepository;
#[cfg(feature = "_sqlx")]
pub use sql::SqlUnit;
#[cfg(feature = "sqlite")]
pub use sql::SqliteRepository;
pub use unit_of_work::{Store, UnitOfWork, UnitRepository};

/// A [`PageRequest`] checked against an entity: the sort column (whitelisted), its direction,
/// and the clamped limit.
pub(crate) struct PagePlan {
    pub(crate) column: Option<usize>,
    pub(crate) descending: bool,
    pub(crate) limit: u32,
}

pub(crate) fn page_plan<E: Entity>(request: &PageRequest) -> Result<PagePlan, RepoError> {
    let limit = request.clamped_limit(E::MAX_PAGE_SIZE);
    let Some(sort) = &request.sort else {
        return Ok(PagePlan {
            column: None,
            descending: false,
            limit,
        });
    };
    let Some(column) = E::sortable_column(&sort.key) else {
        let allowed = E::COLUMNS
            .iter()
            .filter(|column| column.sortable)
            .map(|column| column.field)
            .collect();
        return Err(RepoError::invalid_sort(E::NAME, &sort.key, allowed));
    };
    Ok(PagePlan {
        column: Some(column),
        descending: sort.direction == Direction::Desc,
        limit,
    })
}
