//! [`Entity`]: what `#[derive(Repository)]` knows about a persisted struct.

use std::any::Any;
use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt::Debug;
use std::hash::{BuildHasher, Hash, RandomState};
use std::sync::Arc;

use super::{Backend, Column, Dialect, FieldArg, KeyCodec, RepoError, Statements};

/// What an entity's id type needs: `Clone + Eq + Ord + Hash + Debug + Send + Sync + 'static`
/// (implemented for every such type). It is the bound of [`Entity::Id`], so an id type that
/// lacks one of these traits is one error on the id's type, in these words.
///
/// ```
/// fn id<T: pact_core::repository::EntityId>() {}
/// id::<i64>();
/// id::<String>();
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the id of a `#[derive(Repository)]` entity",
    label = "an id must be `Clone + Eq + Ord + Hash + Debug + Send + Sync + 'static`",
    note = "derive them on the id type, as in `#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]`, or use an integer, a `String` or a `Uuid`"
)]
pub trait EntityId: Clone + Eq + Ord + Hash + Debug + Send + Sync + 'static {}

impl<T: Clone + Eq + Ord + Hash + Debug + Send + Sync + 'static> EntityId for T {}

/// What an entity struct needs besides its fields: `Clone + Send + Sync + 'static` (the
/// repositories hand out copies of the stored rows). [`Entity`]'s supertrait, so a struct
/// without `Clone` is one error on the struct, in these words.
///
/// ```
/// fn row<T: pact_core::repository::EntityRow>() {}
/// #[derive(Clone)]
/// struct User { id: i64 }
/// row::<User>();
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a `#[derive(Repository)]` entity: it must be `Clone + Send + Sync + 'static`",
    label = "repositories hand out copies of the stored rows",
    note = "add `#[derive(Clone)]` to the struct"
)]
pub trait EntityRow: Clone + Send + Sync + 'static {}

impl<T: Clone + Send + Sync + 'static> EntityRow for T {}

/// What a `#[repo(unique)]` field's type needs: `Hash + Eq` (the memory repository hashes
/// unique values to find collisions). The bound of [`Column::hashed`], so a unique type
/// without them is one error on the field's type, in these words.
///
/// ```
/// fn unique<T: pact_core::repository::UniqueValue>() {}
/// unique::<String>();
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a `unique` column: it must be `Hash + Eq`",
    label = "unique values are hashed to find collisions",
    note = "derive them on the type, as in `#[derive(PartialEq, Eq, Hash)]`"
)]
pub trait UniqueValue: Eq + Hash {}

impl<T: Eq + Hash> UniqueValue for T {}

/// A struct stored in a table: its columns, id and SQL, as `#[derive(Repository)]` generates
/// them. The per-dialect SQL is computed at compile time; read it with
/// [`statements`](Entity::statements).
///
/// The derive writes the metadata, [`field`](Entity::field) and
/// [`value_field`](Entity::value_field); what [`MemoryRepository`](super::MemoryRepository)
/// and the checks before a write need of the values (hashing, equality, order, checks) are
/// provided methods over those, driven by each [`Column`]'s operations, so they are compiled
/// once in pact-core, not once per entity.
///
/// ```
/// use pact_core::repository::{Dialect, Entity};
/// # use pact_core::repository::{Column, RepoError, Statements};
/// # #[derive(Clone)] struct User { id: i64 }
/// # const S: Statements = Statements { create_table: &[], drop_table: "", select_by_id: "", select_all: "",
/// #     select_page: "", count: "", exists: "", insert: "", update: "", delete_by_id: "", finders: &[],
/// #     live: None, soft_delete: None, upserts: &[] };
/// # impl Entity for User {
/// #     type Id = i64;
/// #     type IdBound = i64;
/// #     type IdArg<'a> = i64;
/// #     type Value<'a> = std::convert::Infallible;
/// #     const NAME: &'static str = "User";
/// #     const TABLE: &'static str = "users";
/// #     const COLUMNS: &'static [Column] = &[Column::new("id", "id").id().generated().ordered::<i64>()];
/// #     fn id(&self) -> &i64 { &self.id }
/// #     fn set_generated_id(&mut self, id: i64) -> Result<(), RepoError> { self.id = id; Ok(()) }
/// #     fn statements(_: Dialect) -> &'static Statements { &S }
/// #     fn field(&self, c: usize) -> &dyn std::any::Any { match c { 0 => &self.id, _ => &() } }
/// #     fn value_field<'v>(v: &'v Self::Value<'_>) -> (usize, pact_core::repository::FieldArg<'v>) { match *v {} }
/// #     type Row = (i64,);
/// #     const INSERT_COLUMNS: &'static [usize] = &[];
/// #     const UPDATE_COLUMNS: &'static [usize] = &[0];
/// #     fn from_row((id,): Self::Row) -> Self { User { id } }
/// #     type Dyn = dyn pact_core::repository::Backend<Self>;
/// #     fn into_dyn<R: pact_core::repository::Backend<Self> + 'static>(r: R) -> std::sync::Arc<Self::Dyn> { std::sync::Arc::new(r) }
/// # }
/// // With `#[derive(pact::Repository)] #[repo(table = "users")]` on `User`:
/// assert_eq!(User::TABLE, "users");
/// assert!(User::COLUMNS[User::ID_COLUMN].generated);
/// ```
pub trait Entity: EntityRow + Sized {
    /// The id's type: an integer, a `String` or a `Uuid`.
    type Id: EntityId;

    /// What an id is looked up and bound as: the id's type, or `str` for a `String` id and
    /// `[u8]` for a `Vec<u8>` one (the id's type borrows as it: the repositories' impls of
    /// [`Backend`](super::Backend) ask for `Id: Borrow<IdBound>`).
    type IdBound: ?Sized + Debug + Sync;

    /// How the repository traits take an id: by value (`i64`, `Uuid`), or borrowed (`&'a str`
    /// for a `String` id).
    type IdArg<'a>: Borrow<Self::IdBound> + Copy + Send + Sync;

    /// The value of one finder field (`#[repo(unique)]` or `#[repo(indexed)]`), tagged with
    /// its field: the derive writes a hidden enum with one variant per finder, which
    /// [`Backend::load_unique`](super::Backend::load_unique) and
    /// [`Backend::list_by`](super::Backend::list_by) take
    /// ([`Infallible`](std::convert::Infallible) for an entity without finders).
    type Value<'a>: Copy + Send + Sync;

    /// The struct's name, used in messages (`User 7 not found`).
    const NAME: &'static str;
    /// The table name (a plain identifier, checked at compile time).
    const TABLE: &'static str;
    /// The persisted columns, in table order.
    const COLUMNS: &'static [Column];
    /// The index of the id in [`COLUMNS`](Entity::COLUMNS).
    const ID_COLUMN: usize = 0;
    /// The largest page `find_all` returns; a larger `limit` is clamped to it.
    const MAX_PAGE_SIZE: u32 = 100;
    /// The index in [`COLUMNS`](Entity::COLUMNS) of the `#[repo(version)]` field, if any:
    /// `insert` stores version 1, `update` succeeds only from the stored version and adds 1,
    /// otherwise it is [`RepoError::VersionConflict`].
    const VERSION_COLUMN: Option<usize> = None;

    /// The id of this entity.
    fn id(&self) -> &Self::Id;

    /// Stores the id the database (or the memory repository) generated on insert.
    ///
    /// # Errors
    /// [`RepoError::Backend`] when the generated value does not fit the id's type.
    fn set_generated_id(&mut self, id: i64) -> Result<(), RepoError>;

    /// The value of the `#[repo(version)]` field (0 when there is none).
    fn version(&self) -> i64 {
        0
    }

    /// Stores a new value in the `#[repo(version)]` field (nothing when there is none).
    ///
    /// # Errors
    /// [`RepoError::Backend`] when the value does not fit the field's type.
    fn set_version(&mut self, version: i64) -> Result<(), RepoError> {
        let _ = version;
        Ok(())
    }

    /// The SQL of this entity, computed at compile time by `#[derive(Repository)]`: one string
    /// per dialect, in [`Dialect::ALL`] order (SQLite, PostgreSQL, MySQL), its statements one
    /// per line ([`decode_statements`](super::decode_statements) reads it). A hand-written impl
    /// may leave it empty and write [`statements`](Entity::statements) instead.
    const SQL: [&'static str; 3] = ["", "", ""];

    /// The SQL of this entity for one dialect: [`SQL`](Entity::SQL), read once per entity
    /// type and kept.
    #[must_use]
    fn statements(dialect: Dialect) -> &'static Statements {
        // `Dialect`'s discriminants are its index in `Dialect::ALL`.
        &super::sql_text::statements_of::<Self>()[dialect as usize]
    }

    /// `CREATE TABLE` (and `CREATE INDEX`) statements for one dialect, in order.
    #[must_use]
    fn create_table_sql(dialect: Dialect) -> &'static [&'static str] {
        Self::statements(dialect).create_table
    }

    /// The stored fields' types in column order, as a tuple (up to 16; wider entities nest
    /// tuples of 16 in a [`Wide`](super::Wide)): what the SQL repositories decode a row as
    /// (it must be a [`SqlRow`](super::SqlRow) of the backend).
    type Row: 'static;

    /// The columns the `INSERT` binds, in order: every column but a generated id.
    const INSERT_COLUMNS: &'static [usize];

    /// The columns the `UPDATE` binds, in order: every column the update sets, then the id,
    /// then, with a `#[repo(version)]` field, the version the update is made from.
    const UPDATE_COLUMNS: &'static [usize];

    /// Builds the entity from its stored fields; fields that are not stored get their
    /// defaults.
    fn from_row(row: Self::Row) -> Self;

    /// Hands `with` the `#[repo(soft_delete)]` column's value for a row deleted at `now`
    /// (microseconds since the Unix epoch): `Some` of the column's timestamp type.
    ///
    /// # Errors
    /// [`RepoError::Backend`] when the entity has no `soft_delete` field or `now` does not fit
    /// its type; what `with` answers.
    fn deleted_at(
        now: i64,
        with: &mut dyn FnMut(&dyn Any) -> Result<(), RepoError>,
    ) -> Result<(), RepoError> {
        let _ = (now, with);
        Err(RepoError::backend(format!(
            "{} has no `#[repo(soft_delete)]` field",
            Self::NAME
        )))
    }

    /// The indexes in [`COLUMNS`](Entity::COLUMNS) of the columns a keyset page may be ordered
    /// by: the id and the sortable fields whose types are [`CursorKey`](super::CursorKey)s.
    /// None by default: no keyset page.
    const KEY_COLUMNS: &'static [usize] = &[];

    /// How each key column's values are written, compared and read: one
    /// [`KeyCodec::of`] its type per entry of [`KEY_COLUMNS`](Entity::KEY_COLUMNS), in order.
    /// [`Keyset`](super::Keyset) reads through them.
    const KEY_CODECS: &'static [KeyCodec] = &[];

    /// The generated trait object, `dyn UserRepository`: what a [`Store`](super::Store), a
    /// unit of work and a cache hand out. Every [`Backend`] of the entity is one.
    type Dyn: ?Sized + Backend<Self> + Send + Sync + 'static;

    /// `repository` behind the generated trait (one generic coercion, which the derive
    /// writes: `Arc::new(repository)`).
    fn into_dyn<R: Backend<Self> + 'static>(repository: R) -> Arc<Self::Dyn>;

    /// The value of the stored field in `column` (an index of [`COLUMNS`](Entity::COLUMNS)),
    /// as its own type; `&()` for another index. What the provided methods below, the SQL
    /// binding and the cursor codecs read fields through.
    fn field(&self, column: usize) -> &dyn Any;

    /// A finder's column, and its value as the column binds it.
    fn value_field<'v>(value: &'v Self::Value<'_>) -> (usize, FieldArg<'v>);

    /// The hash of a unique column's value (`column` indexes [`COLUMNS`](Entity::COLUMNS)),
    /// by the column's [`hashed`](Column::hashed) type.
    fn unique_hash(&self, column: usize, state: &RandomState) -> u64 {
        Self::COLUMNS[column].hash_value(self.field(column), state)
    }

    /// Whether two entities hold the same value in a unique column.
    fn unique_eq(&self, other: &Self, column: usize) -> bool {
        Self::COLUMNS[column].eq_values(self.field(column), other.field(column))
    }

    /// Orders two entities by a sortable column: the id by its `Ord`, another column by its
    /// [`ordered`](Column::ordered) type.
    fn compare(&self, other: &Self, column: usize) -> Ordering {
        if column == Self::ID_COLUMN {
            return self.id().cmp(other.id());
        }
        Self::COLUMNS[column].order_values(self.field(column), other.field(column))
    }

    /// The index in [`COLUMNS`](Entity::COLUMNS) of the field a finder value is for.
    fn value_column(value: &Self::Value<'_>) -> usize {
        Self::value_field(value).0
    }

    /// The hash of a finder value, as [`unique_hash`](Entity::unique_hash) hashes the field
    /// (0 for a field that is not unique: only unique values are indexed by hash).
    fn value_hash(value: &Self::Value<'_>, state: &RandomState) -> u64 {
        let (column, arg) = Self::value_field(value);
        let column = &Self::COLUMNS[column];
        if !column.unique {
            return 0;
        }
        // `String` and `Vec<u8>` hash as the `str` and `[u8]` they borrow as.
        match arg {
            FieldArg::Str(text) => state.hash_one(text),
            FieldArg::Bytes(bytes) => state.hash_one(bytes),
            FieldArg::Field(value) => column.hash_value(value, state),
        }
    }

    /// Whether this entity's field holds the finder value.
    fn value_matches(&self, value: &Self::Value<'_>) -> bool {
        let (column, arg) = Self::value_field(value);
        let mine = self.field(column);
        match arg {
            FieldArg::Str(text) => mine
                .downcast_ref::<String>()
                .is_some_and(|mine| mine == text),
            FieldArg::Bytes(bytes) => mine
                .downcast_ref::<Vec<u8>>()
                .is_some_and(|mine| mine.as_slice() == bytes),
            FieldArg::Field(value) => Self::COLUMNS[column].eq_values(mine, value),
        }
    }

    /// Checks every stored value before any SQL runs (and before the memory repository stores
    /// it): text and byte lengths against [`Column::max_len`], NUL characters in text, finite
    /// floats, by each column's [`checked`](Column::checked) type. `insert`, `insert_many`
    /// and `update` call it on every backend.
    ///
    /// # Errors
    /// [`RepoError::InvalidValue`] naming the first field that cannot be stored.
    fn check_values(&self) -> Result<(), RepoError> {
        Self::COLUMNS
            .iter()
            .enumerate()
            .try_for_each(|(at, column)| column.check_value(Self::NAME, self.field(at)))
    }

    /// The bytes of the row's text and byte values: roughly the size of its `INSERT` or
    /// `UPDATE`. MySQL refuses a statement larger than `max_allowed_packet`; the MySQL
    /// repository compares a large row (over 1 MiB) with the server's limit before sending it,
    /// so it is [`RepoError::TooLarge`] rather than a reset connection.
    fn stored_len(&self) -> usize {
        Self::COLUMNS
            .iter()
            .enumerate()
            .map(|(at, column)| column.value_len(self.field(at)))
            .sum()
    }

    /// Resets the fields that are not persisted to their defaults, as a database round trip
    /// would.
    fn clear_transient(&mut self) {}

    /// The index in [`COLUMNS`](Entity::COLUMNS) of the `#[repo(created_at)]` field, if any:
    /// set on insert, never changed by an update.
    const CREATED_AT_COLUMN: Option<usize> = None;
    /// The index in [`COLUMNS`](Entity::COLUMNS) of the `#[repo(updated_at)]` field, if any:
    /// set on every insert and update.
    const UPDATED_AT_COLUMN: Option<usize> = None;
    /// The index in [`COLUMNS`](Entity::COLUMNS) of the `#[repo(soft_delete)]` field, if any:
    /// `delete_by_id` sets it, and every read but the `_with_deleted` ones skips rows where it
    /// is set.
    const SOFT_DELETE_COLUMN: Option<usize> = None;

    /// Sets the timestamps the repository manages for a write at `now` (microseconds since
    /// the Unix epoch): on [`Stamp::Insert`](super::Stamp) `created_at` and `updated_at`, on
    /// [`Stamp::Update`](super::Stamp) `updated_at`; both make the row live (`soft_delete` is
    /// `None`). Nothing when the entity has no such field.
    ///
    /// # Errors
    /// [`RepoError::Backend`] when `now` does not fit a timestamp's type.
    fn stamp(&mut self, write: super::Stamp, now: i64) -> Result<(), RepoError> {
        let _ = (write, now);
        Ok(())
    }

    /// Copies the `#[repo(created_at)]` value of the stored row: an update never changes it.
    fn keep_created(&mut self, stored: &Self) {
        let _ = stored;
    }

    /// Copies the id of the stored row: an upsert on a unique field updates that row, whose
    /// id stays. The derive writes it for entities with a unique field.
    fn keep_id(&mut self, stored: &Self) {
        let _ = stored;
    }

    /// Whether the `#[repo(soft_delete)]` field is set (`false` when there is none).
    fn is_deleted(&self) -> bool {
        false
    }

    /// Sets the `#[repo(soft_delete)]` field to `Some(now)` (microseconds since the Unix
    /// epoch) or `None` (nothing when there is none).
    ///
    /// # Errors
    /// [`RepoError::Backend`] when `now` does not fit the field's type.
    fn set_deleted(&mut self, now: Option<i64>) -> Result<(), RepoError> {
        let _ = now;
        Ok(())
    }

    /// The index in [`COLUMNS`](Entity::COLUMNS) of the sortable field named `field`.
    #[must_use]
    fn sortable_column(field: &str) -> Option<usize> {
        Self::COLUMNS
            .iter()
            .position(|column| column.sortable && column.field == field)
    }
}
