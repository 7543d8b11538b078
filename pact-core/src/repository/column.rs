//! [`Column`]: one persisted column of an [`Entity`](super::Entity), with what the runtime does
//! with its values (checks, hashing, ordering) as function pointers of the field's type, so
//! the derive writes data, not method bodies; and [`FieldArg`], a finder's value.

use std::any::Any;
use std::cmp::Ordering;
use std::hash::{BuildHasher, Hash, RandomState};

use super::{RepoError, UniqueValue};

/// One persisted column of an [`Entity`](super::Entity), in table order.
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
///
/// // What is done with a column's values, by the field's type (as the derive writes it):
/// const NAME: Column = Column::new("name", "name")
///     .sortable()
///     .max_len(3)
///     .checked::<String>()
///     .ordered::<String>();
/// assert!(NAME.check_value("User", &"abcd".to_owned()).unwrap_err().is_invalid_value());
/// assert_eq!(NAME.value_len(&"abc".to_owned()), 3);
/// assert_eq!(NAME.order_values(&"a".to_owned(), &"b".to_owned()), std::cmp::Ordering::Less);
///
/// const LOGIN: Column = Column::new("login", "login").unique().hashed::<String>();
/// let state = std::hash::RandomState::new();
/// let ada = "ada".to_owned();
/// assert!(LOGIN.eq_values(&ada, &"ada".to_owned()));
/// // A `String` hashes as the `str` a finder takes.
/// assert_eq!(LOGIN.hash_value(&ada, &state), std::hash::BuildHasher::hash_one(&state, "ada"));
/// assert_eq!(LOGIN.hash_value(&7_i64, &state), 0); // not the column's type
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
    /// What the memory repository and the checks before every write do with the column's
    /// values, by the field's type: set by [`checked`](Column::checked),
    /// [`hashed`](Column::hashed), [`compared`](Column::compared) and
    /// [`ordered`](Column::ordered).
    ops: ColumnOps,
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
            ops: ColumnOps::NONE,
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

    /// Checks the field's values before every write with [`CheckedValue`] of its type `T`
    /// (text, bytes and floats, or an `Option` of one), and counts their bytes.
    #[must_use]
    pub const fn checked<T: CheckedValue>(mut self) -> Self {
        self.ops.check = Some(check_as::<T>);
        self.ops.len = Some(len_as::<T>);
        self
    }

    /// Hashes and compares the field's values (of type `T`) for a unique index: what
    /// [`Entity::unique_hash`](super::Entity::unique_hash) and [`Entity::unique_eq`](super::Entity::unique_eq) do by default.
    #[must_use]
    pub const fn hashed<T: UniqueValue + 'static>(mut self) -> Self {
        self.ops.hash = Some(hash_as::<T>);
        self.ops.eq = Some(eq_as::<T>);
        self
    }

    /// Compares the field's values (of type `T`) with a finder's: what
    /// [`Entity::value_matches`](super::Entity::value_matches) does by default.
    #[must_use]
    pub const fn compared<T: PartialEq + 'static>(mut self) -> Self {
        self.ops.eq = Some(eq_as::<T>);
        self
    }

    /// Orders rows by the field's values (of type `T`; incomparable values are equal): what
    /// [`Entity::compare`](super::Entity::compare) does by default.
    #[must_use]
    pub const fn ordered<T: PartialOrd + 'static>(mut self) -> Self {
        self.ops.order = Some(order_as::<T>);
        self
    }

    /// The hash of a value of the column ([`hashed`](Column::hashed)); 0 for a column that
    /// is not hashed or a value of another type.
    #[must_use]
    pub fn hash_value(&self, value: &dyn Any, state: &RandomState) -> u64 {
        self.ops.hash.map_or(0, |hash| hash(value, state))
    }

    /// Whether two values of the column are equal ([`hashed`](Column::hashed) or
    /// [`compared`](Column::compared)); `false` otherwise.
    #[must_use]
    pub fn eq_values(&self, a: &dyn Any, b: &dyn Any) -> bool {
        self.ops.eq.is_some_and(|eq| eq(a, b))
    }

    /// The order of two values of the column ([`ordered`](Column::ordered)); equal otherwise.
    #[must_use]
    pub fn order_values(&self, a: &dyn Any, b: &dyn Any) -> Ordering {
        self.ops.order.map_or(Ordering::Equal, |order| order(a, b))
    }

    /// Checks a value of the column before it is stored ([`checked`](Column::checked));
    /// `Ok` for a column that is not checked.
    ///
    /// # Errors
    /// [`RepoError::InvalidValue`] naming the field.
    pub fn check_value(&self, entity: &'static str, value: &dyn Any) -> Result<(), RepoError> {
        self.ops
            .check
            .map_or(Ok(()), |check| check(self, entity, value))
    }

    /// The bytes of a text or byte value of the column ([`checked`](Column::checked)); 0
    /// for another column.
    #[must_use]
    pub fn value_len(&self, value: &dyn Any) -> usize {
        self.ops.len.map_or(0, |len| len(value))
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

type CheckFn = fn(&Column, &'static str, &dyn Any) -> Result<(), RepoError>;
type LenFn = fn(&dyn Any) -> usize;
type HashFn = fn(&dyn Any, &RandomState) -> u64;
type EqFn = fn(&dyn Any, &dyn Any) -> bool;
type OrderFn = fn(&dyn Any, &dyn Any) -> Ordering;

/// A column's operations on its values, by the field's type (each `None` until a builder of
/// [`Column`] sets it). Function pointers compare by address.
#[derive(Clone, Copy)]
struct ColumnOps {
    check: Option<CheckFn>,
    len: Option<LenFn>,
    hash: Option<HashFn>,
    eq: Option<EqFn>,
    order: Option<OrderFn>,
}

impl ColumnOps {
    const NONE: Self = Self {
        check: None,
        len: None,
        hash: None,
        eq: None,
        order: None,
    };
}

impl PartialEq for ColumnOps {
    fn eq(&self, other: &Self) -> bool {
        macro_rules! same {
            ($field:ident) => {
                match (self.$field, other.$field) {
                    (Some(a), Some(b)) => std::ptr::fn_addr_eq(a, b),
                    (None, None) => true,
                    _ => false,
                }
            };
        }
        same!(check) && same!(len) && same!(hash) && same!(eq) && same!(order)
    }
}

impl Eq for ColumnOps {}

impl std::fmt::Debug for ColumnOps {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ColumnOps")
            .field("check", &self.check.is_some())
            .field("len", &self.len.is_some())
            .field("hash", &self.hash.is_some())
            .field("eq", &self.eq.is_some())
            .field("order", &self.order.is_some())
            .finish()
    }
}

fn check_as<T: CheckedValue>(
    column: &Column,
    entity: &'static str,
    value: &dyn Any,
) -> Result<(), RepoError> {
    value
        .downcast_ref::<T>()
        .map_or(Ok(()), |value| value.check(column, entity))
}

fn len_as<T: CheckedValue>(value: &dyn Any) -> usize {
    value
        .downcast_ref::<T>()
        .map_or(0, CheckedValue::stored_len)
}

fn hash_as<T: Hash + 'static>(value: &dyn Any, state: &RandomState) -> u64 {
    value
        .downcast_ref::<T>()
        .map_or(0, |value| state.hash_one(value))
}

fn eq_as<T: PartialEq + 'static>(a: &dyn Any, b: &dyn Any) -> bool {
    match (a.downcast_ref::<T>(), b.downcast_ref::<T>()) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

fn order_as<T: PartialOrd + 'static>(a: &dyn Any, b: &dyn Any) -> Ordering {
    match (a.downcast_ref::<T>(), b.downcast_ref::<T>()) {
        (Some(a), Some(b)) => a.partial_cmp(b).unwrap_or(Ordering::Equal),
        _ => Ordering::Equal,
    }
}

/// A field type whose values are checked before every write ([`Column::checked`]): text
/// (`String`: no NUL, at most [`max_len`](Column::max_len) characters), bytes (`Vec<u8>`: at
/// most `max_len` bytes) and floats (`f32`, `f64`: finite), and an `Option` of each (`None`
/// always passes).
///
/// ```
/// use pact_core::repository::{CheckedValue, Column};
///
/// let name = Column::new("name", "name").max_len(3);
/// assert!("abc".to_owned().check(&name, "User").is_ok());
/// assert!(Some("abcd".to_owned()).check(&name, "User").is_err());
/// assert!(f64::INFINITY.check(&name, "User").is_err());
/// assert_eq!(Some(vec![1u8, 2]).stored_len(), 2);
/// ```
pub trait CheckedValue: 'static {
    /// Checks the value against `column`.
    ///
    /// # Errors
    /// [`RepoError::InvalidValue`] naming the column's field.
    fn check(&self, column: &Column, entity: &'static str) -> Result<(), RepoError>;

    /// The bytes of a text or byte value (0 for a float): what a MySQL statement carries.
    fn stored_len(&self) -> usize {
        0
    }
}

impl CheckedValue for String {
    fn check(&self, column: &Column, entity: &'static str) -> Result<(), RepoError> {
        column.check_text(entity, self)
    }

    fn stored_len(&self) -> usize {
        self.len()
    }
}

impl CheckedValue for Vec<u8> {
    fn check(&self, column: &Column, entity: &'static str) -> Result<(), RepoError> {
        column.check_bytes(entity, self)
    }

    fn stored_len(&self) -> usize {
        self.len()
    }
}

impl CheckedValue for f64 {
    fn check(&self, column: &Column, entity: &'static str) -> Result<(), RepoError> {
        column.check_float(entity, *self)
    }
}

impl CheckedValue for f32 {
    fn check(&self, column: &Column, entity: &'static str) -> Result<(), RepoError> {
        column.check_float(entity, f64::from(*self))
    }
}

impl<T: CheckedValue> CheckedValue for Option<T> {
    fn check(&self, column: &Column, entity: &'static str) -> Result<(), RepoError> {
        self.as_ref()
            .map_or(Ok(()), |value| value.check(column, entity))
    }

    fn stored_len(&self) -> usize {
        self.as_ref().map_or(0, CheckedValue::stored_len)
    }
}

/// A finder's value as [`Entity::value_field`](super::Entity::value_field) hands it out: text and bytes as the
/// borrowed forms the finders take, any other type as the column's own type.
#[derive(Clone, Copy)]
pub enum FieldArg<'a> {
    /// The value of a `String` column, as `str`.
    Str(&'a str),
    /// The value of a `Vec<u8>` column, as `[u8]`.
    Bytes(&'a [u8]),
    /// A value of the column's type.
    Field(&'a dyn Any),
}

impl std::fmt::Debug for FieldArg<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Str(value) => f.debug_tuple("Str").field(value).finish(),
            Self::Bytes(value) => f.debug_tuple("Bytes").field(value).finish(),
            Self::Field(_) => f.write_str("Field(..)"),
        }
    }
}
