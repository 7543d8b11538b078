//! [`Entity`]: what `#[derive(Repository)]` knows about a persisted struct.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt::Debug;
use std::hash::{Hash, RandomState};

use super::{Dialect, RepoError, Statements};

/// One persisted column of an [`Entity`], in table order.
///
/// The derive builds these at compile time; read them to see how a struct is stored.
///
/// ```
/// use pact_core::repository::Column;
///
/// const EMAIL: Column = Column::new("email", "email")
///     .unique()
///     .sortable()
///     .max_len(255)
///     .key("users_email_key");
/// assert!(EMAIL.unique && EMAIL.sortable && !EMAIL.id);
/// assert!(EMAIL.check_text("User", "ada@example.com").is_ok());
/// assert!(EMAIL.check_text("User", &"a".repeat(256)).unwrap_err().is_invalid_value());
/// assert!(EMAIL.check_text("User", "a\0b").unwrap_err().is_invalid_value());
///
/// const AVATAR: Column = Column::new("avatar", "avatar").max_len(4);
/// assert!(AVATAR.check_bytes("User", &[1, 2, 3, 4]).is_ok());
/// assert!(AVATAR.check_bytes("User", &[0; 5]).is_err());
/// assert!(AVATAR.check_float("User", f64::NAN).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)] // each flag is an independent column property
pub struct Column {
    /// The SQL column name (a plain identifier, checked at compile time).
    pub name: &'static str,
    /// The Rust field it stores. Sort keys name fields, not columns.
    pub field: &'static str,
    /// The primary key.
    pub id: bool,
    /// The database assigns the value on insert (an integer id).
    pub generated: bool,
    /// A unique constraint; a `find_by_<field>` finder exists.
    pub unique: bool,
    /// An index; a paged `find_all_by_<field>` finder exists.
    pub indexed: bool,
    /// Pages may be sorted by this column.
    pub sortable: bool,
    /// The field is an `Option`: the column accepts `NULL`.
    pub nullable: bool,
    /// The most characters (text) or bytes (`Vec<u8>`) a value may hold, on every backend:
    /// 255 for a key (id, unique or indexed) of the derive's own column types, `n` for a
    /// `sql_type` of `VARCHAR(n)`, `CHAR(n)`, `VARBINARY(n)` or `BINARY(n)`; `None` when the
    /// column is unbounded.
    pub max_len: Option<u32>,
    /// The name of the column's unique constraint or index (`users_email_key`,
    /// `users_team_id_idx`), or PostgreSQL's name of the primary key (`users_pkey`): what a
    /// backend reports on a violation, mapped back to [`field`](Column::field). Names longer
    /// than 63 bytes are shortened with a hash suffix at compile time.
    pub key: Option<&'static str>,
}

impl Column {
    /// A plain column: not a key, not sortable, not nullable.
    #[must_use]
    pub const fn new(name: &'static str, field: &'static str) -> Self {
        Self {
            name,
            field,
            id: false,
            generated: false,
            unique: false,
            indexed: false,
            sortable: false,
            nullable: false,
            max_len: None,
            key: None,
        }
    }

    /// Marks the primary key (which is also sortable).
    #[must_use]
    pub const fn id(mut self) -> Self {
        self.id = true;
        self.sortable = true;
        self
    }

    /// Marks a value the database assigns on insert.
    #[must_use]
    pub const fn generated(mut self) -> Self {
        self.generated = true;
        self
    }

    /// Marks a unique column.
    #[must_use]
    pub const fn unique(mut self) -> Self {
        self.unique = true;
        self
    }

    /// Marks an indexed column.
    #[must_use]
    pub const fn indexed(mut self) -> Self {
        self.indexed = true;
        self
    }

    /// Marks a column pages may be sorted by.
    #[must_use]
    pub const fn sortable(mut self) -> Self {
        self.sortable = true;
        self
    }

    /// Marks a nullable column.
    #[must_use]
    pub const fn nullable(mut self) -> Self {
        self.nullable = true;
        self
    }

    /// Bounds the column's values to `max` characters (text) or bytes.
    #[must_use]
    pub const fn max_len(mut self, max: u32) -> Self {
        self.max_len = Some(max);
        self
    }

    /// Names the column's unique constraint or index.
    #[must_use]
    pub const fn key(mut self, name: &'static str) -> Self {
        self.key = Some(name);
        self
    }

    /// Checks a text value before it is stored: at most [`max_len`](Column::max_len)
    /// characters, and no NUL character (PostgreSQL cannot store one, so no backend does).
    ///
    /// # Errors
    /// [`RepoError::InvalidValue`] naming the field.
    pub fn check_text(&self, entity: &'static str, value: &str) -> Result<(), RepoError> {
        if value.as_bytes().contains(&0) {
            return Err(self.invalid(
                entity,
                "nul_character",
                "must not contain NUL characters".into(),
            ));
        }
        match self.max_len {
            Some(max) if value.len() > max as usize && value.chars().count() > max as usize => {
                Err(self.invalid(entity, "length", format!("at most {max} characters").into()))
            }
            _ => Ok(()),
        }
    }

    /// Checks a byte value before it is stored: at most [`max_len`](Column::max_len) bytes.
    ///
    /// # Errors
    /// [`RepoError::InvalidValue`] naming the field.
    pub fn check_bytes(&self, entity: &'static str, value: &[u8]) -> Result<(), RepoError> {
        match self.max_len {
            Some(max) if value.len() > max as usize => {
                Err(self.invalid(entity, "length", format!("at most {max} bytes").into()))
            }
            _ => Ok(()),
        }
    }

    /// Checks a float before it is stored: NaN and infinities are refused on every backend
    /// (SQLite stores NaN as `NULL`, MySQL refuses both, PostgreSQL would store them).
    ///
    /// # Errors
    /// [`RepoError::InvalidValue`] naming the field.
    pub fn check_float(&self, entity: &'static str, value: f64) -> Result<(), RepoError> {
        if value.is_finite() {
            Ok(())
        } else {
            Err(self.invalid(entity, "finite", "must be a finite number".into()))
        }
    }

    fn invalid(
        &self,
        entity: &'static str,
        code: &'static str,
        reason: std::borrow::Cow<'static, str>,
    ) -> RepoError {
        RepoError::InvalidValue {
            entity,
            field: Some(self.field),
            code,
            reason,
        }
    }
}

/// A struct stored in a table: its columns, id and SQL, as `#[derive(Repository)]` generates
/// them. The per-dialect SQL is computed at compile time; read it with
/// [`statements`](Entity::statements).
///
/// The `unique_hash`, `unique_eq`, `compare` and `clear_transient` methods serve
/// [`MemoryRepository`](super::MemoryRepository); the derive writes them.
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
/// #     const COLUMNS: &'static [Column] = &[Column::new("id", "id").id().generated()];
/// #     fn id(&self) -> &i64 { &self.id }
/// #     fn set_generated_id(&mut self, id: i64) -> Result<(), RepoError> { self.id = id; Ok(()) }
/// #     fn statements(_: Dialect) -> &'static Statements { &S }
/// #     fn unique_hash(&self, _: usize, _: &std::hash::RandomState) -> u64 { 0 }
/// #     fn unique_eq(&self, _: &Self, _: usize) -> bool { false }
/// #     fn compare(&self, other: &Self, _: usize) -> std::cmp::Ordering { self.id.cmp(&other.id) }
/// #     fn value_column(value: &Self::Value<'_>) -> usize { match *value {} }
/// #     fn value_hash(value: &Self::Value<'_>, _: &std::hash::RandomState) -> u64 { match *value {} }
/// #     fn value_matches(&self, value: &Self::Value<'_>) -> bool { match *value {} }
/// # }
/// // With `#[derive(pact::Repository)] #[repo(table = "users")]` on `User`:
/// assert_eq!(User::TABLE, "users");
/// assert!(User::COLUMNS[User::ID_COLUMN].generated);
/// ```
pub trait Entity: Clone + Send + Sync + Sized + 'static {
    /// The id's type: an integer, a `String` or a `Uuid`.
    type Id: Clone + Eq + Ord + Hash + Debug + Send + Sync + 'static;

    /// What an id is looked up and bound as: the id's type, or `str` for a `String` id and
    /// `[u8]` for a `Vec<u8>` one (the id's type borrows as it: the repositories' impls of
    /// [`Backend`](super::Backend) ask for `Id: Borrow<IdBound>`).
    type IdBound: ?Sized + Hash + Eq + Debug + Sync;

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

    /// The SQL of this entity for one dialect, computed at compile time.
    fn statements(dialect: Dialect) -> &'static Statements;

    /// `CREATE TABLE` (and `CREATE INDEX`) statements for one dialect, in order.
    #[must_use]
    fn create_table_sql(dialect: Dialect) -> &'static [&'static str] {
        Self::statements(dialect).create_table
    }

    /// The hash of a unique column's value (`column` indexes [`COLUMNS`](Entity::COLUMNS)).
    fn unique_hash(&self, column: usize, state: &RandomState) -> u64;

    /// Whether two entities hold the same value in a unique column.
    fn unique_eq(&self, other: &Self, column: usize) -> bool;

    /// Orders two entities by a sortable column.
    fn compare(&self, other: &Self, column: usize) -> Ordering;

    /// The index in [`COLUMNS`](Entity::COLUMNS) of the field a finder value is for.
    fn value_column(value: &Self::Value<'_>) -> usize;

    /// The hash of a finder value, as [`unique_hash`](Entity::unique_hash) hashes the field.
    fn value_hash(value: &Self::Value<'_>, state: &RandomState) -> u64;

    /// Whether this entity's field holds the finder value.
    fn value_matches(&self, value: &Self::Value<'_>) -> bool;

    /// Checks every stored value before any SQL runs (and before the memory repository stores
    /// it): text and byte lengths against [`Column::max_len`], NUL characters in text, finite
    /// floats. The derive writes it from the field types; `insert`, `insert_many` and `update`
    /// call it on every backend.
    ///
    /// # Errors
    /// [`RepoError::InvalidValue`] naming the first field that cannot be stored.
    fn check_values(&self) -> Result<(), RepoError> {
        Ok(())
    }

    /// The bytes of the row's text and byte values: roughly the size of its `INSERT` or
    /// `UPDATE`. MySQL refuses a statement larger than `max_allowed_packet`; the MySQL
    /// repository compares a large row (over 1 MiB) with the server's limit before sending it,
    /// so it is [`RepoError::TooLarge`] rather than a reset connection. The derive writes it.
    fn stored_len(&self) -> usize {
        0
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
