//! The SQL `#[derive(Repository)]` writes: one string constant per dialect ([`Entity::SQL`]),
//! its statements one per line, read once per entity into [`Statements`] ([`decode`]) and kept
//! for the life of the process ([`statements_of`]).
//!
//! One string literal per dialect costs a deriving crate far less to compile than the same
//! SQL as nested struct literals (each field, slice and `Option` type-checked, borrow-checked
//! and const-checked per entity); the text is the same and `cargo expand` still shows it.

use std::any::TypeId;
use std::collections::HashMap;
use std::sync::{PoisonError, RwLock};

use super::{Entity, Finder, SoftDelete, Statements, Upsert};

/// The parsed statements of every entity used so far, by type: each decoded once and leaked
/// (one entry per entity type, so bounded by the program).
static PARSED: RwLock<Option<HashMap<TypeId, &'static [Statements; 3]>>> = RwLock::new(None);

/// The statements of `E` for each dialect, in [`Dialect::ALL`](super::Dialect::ALL) order,
/// decoded from [`Entity::SQL`] on first use.
///
/// ```
/// use pact_core::repository::{Dialect, Entity};
/// # use pact_core::repository::{Column, FieldArg, RepoError};
/// # #[derive(Clone)] struct Tag { id: i64 }
/// # impl Entity for Tag {
/// #     type Id = i64; type IdBound = i64; type IdArg<'a> = i64; type Value<'a> = std::convert::Infallible;
/// #     const NAME: &'static str = "Tag"; const TABLE: &'static str = "tags";
/// #     const COLUMNS: &'static [Column] = &[Column::new("id", "id").id()];
/// #     const SQL: [&'static str; 3] = [
/// #         "DROP TABLE IF EXISTS \"tags\"\nSELECT 1\n\n\n\n\n\n\n\n\n0\n0\n0\n0",
/// #         "", "",
/// #     ];
/// #     fn id(&self) -> &i64 { &self.id }
/// #     fn set_generated_id(&mut self, id: i64) -> Result<(), RepoError> { self.id = id; Ok(()) }
/// #     fn field(&self, c: usize) -> &dyn std::any::Any { match c { 0 => &self.id, _ => &() } }
/// #     fn value_field<'v>(v: &'v Self::Value<'_>) -> (usize, FieldArg<'v>) { match *v {} }
/// #     type Row = (i64,);
/// #     const INSERT_COLUMNS: &'static [usize] = &[];
/// #     const UPDATE_COLUMNS: &'static [usize] = &[0];
/// #     fn from_row((id,): Self::Row) -> Self { Tag { id } }
/// #     type Dyn = dyn pact_core::repository::Backend<Self>;
/// #     fn into_dyn<R: pact_core::repository::Backend<Self> + 'static>(r: R) -> std::sync::Arc<Self::Dyn> { std::sync::Arc::new(r) }
/// # }
/// let sqlite = Tag::statements(Dialect::Sqlite);
/// assert_eq!(sqlite.drop_table, "DROP TABLE IF EXISTS \"tags\"");
/// assert_eq!(sqlite.select_by_id, "SELECT 1");
/// assert!(std::ptr::eq(sqlite, Tag::statements(Dialect::Sqlite))); // decoded once
/// ```
#[must_use]
pub fn statements_of<E: Entity>() -> &'static [Statements; 3] {
    let key = TypeId::of::<E>();
    let read = PARSED.read().unwrap_or_else(PoisonError::into_inner);
    if let Some(parsed) = read.as_ref().and_then(|parsed| parsed.get(&key)) {
        return parsed;
    }
    drop(read);
    let mut write = PARSED.write().unwrap_or_else(PoisonError::into_inner);
    write
        .get_or_insert_with(HashMap::new)
        .entry(key)
        .or_insert_with(|| Box::leak(Box::new(E::SQL.map(decode))))
}

/// Reads one dialect's statements from the derive's text: one statement per line (generated
/// SQL holds no line break: identifiers and `sql_type`s are checked to be plain), in this
/// order: `drop_table`, `select_by_id`, `select_all`, `select_page`, `count`, `exists`,
/// `insert`, `update`, `delete_by_id`, `live` (empty for none); the number of `create_table`
/// statements, then each; the number of finders, then each one's column, `select`,
/// `select_page` and `count`; `1` and the five soft-delete statements, or `0`; the number of
/// upserts, then each one's column, SQL and `1` or `0` for `returning`. A missing line reads as
/// empty (the derive and pact-core are released together, so that means a bug, not input).
///
/// ```
/// let text = "DROP\nSEL\nALL\nPAGE\nCOUNT\nEXISTS\nINS\nUPD\nDEL\n\
///             \n1\nCREATE\n1\n1\nF\nFP\nFC\n0\n1\n1\nUPSERT\n1";
/// let statements = pact_core::repository::decode_statements(text);
/// assert_eq!(statements.create_table, ["CREATE"]);
/// assert_eq!(statements.finders[0].column, 1);
/// assert_eq!(statements.live, None);
/// assert!(statements.soft_delete.is_none());
/// assert!(statements.upserts[0].returning);
/// ```
#[must_use]
pub fn decode(text: &'static str) -> Statements {
    let mut lines = text.split('\n');
    let mut next = move || lines.next().unwrap_or("");
    let count = |next: &mut dyn FnMut() -> &'static str| next().parse::<usize>().unwrap_or(0);
    let drop_table = next();
    let select_by_id = next();
    let select_all = next();
    let select_page = next();
    let count_sql = next();
    let exists = next();
    let insert = next();
    let update = next();
    let delete_by_id = next();
    let live = Some(next()).filter(|live| !live.is_empty());
    let create_table: Vec<&'static str> = (0..count(&mut next)).map(|_| next()).collect();
    let finders: Vec<Finder> = (0..count(&mut next))
        .map(|_| Finder {
            column: count(&mut next),
            select: next(),
            select_page: next(),
            count: next(),
        })
        .collect();
    let soft_delete = (count(&mut next) == 1).then(|| {
        &*Box::leak(Box::new(SoftDelete {
            select_by_id: next(),
            select_page: next(),
            count: next(),
            restore: next(),
            purge: next(),
        }))
    });
    let upserts: Vec<Upsert> = (0..count(&mut next))
        .map(|_| Upsert {
            column: count(&mut next),
            sql: next(),
            returning: next() == "1",
        })
        .collect();
    Statements {
        create_table: Box::leak(create_table.into_boxed_slice()),
        drop_table,
        select_by_id,
        select_all,
        select_page,
        count: count_sql,
        exists,
        insert,
        update,
        delete_by_id,
        finders: Box::leak(finders.into_boxed_slice()),
        live,
        soft_delete,
        upserts: Box::leak(upserts.into_boxed_slice()),
    }
}
