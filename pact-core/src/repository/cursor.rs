//! Keyset (cursor) pages: [`CursorRequest`] in, [`CursorPage`] out, and the opaque cursor
//! between them.
//!
//! A cursor is the base64url text (no padding) of a small binary record:
//!
//! ```text
//! version (1) | flags (bit 0: descending) | sort field length n (0: by id) | sort field (n bytes)
//!            | the sort column's value (when n > 0) | the id's value
//! ```
//!
//! Each value is written by its type's [`CursorKey`] impl (fixed-width big-endian integers,
//! length-prefixed UTF-8 text, a tag byte before an `Option`'s value). Decoding checks every
//! part against the request and the entity before any SQL runs: the version, the flags, that
//! the sort field and direction are the request's (so a cursor of one sort cannot be replayed
//! on another), that each value decodes as its column's type (text is UTF-8 without NUL,
//! floats are finite), that nothing is left over, and the lengths. Anything else is
//! [`RepoError::InvalidCursor`] (400), and the values reach SQL only as bound parameters.

use std::any::Any;
use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::{Direction, Entity, RepoError, Sort};

/// The version byte cursors of this release start with.
const VERSION: u8 = 1;
/// The longest cursor text accepted: 4 096 characters, 3 072 bytes once decoded.
pub const MAX_CURSOR_LEN: usize = 4096;
/// The most bytes a decoded cursor holds.
const MAX_CURSOR_BYTES: usize = MAX_CURSOR_LEN / 4 * 3;

/// Which keyset page to read: after which cursor, how many rows, in which order.
///
/// It deserializes from a query string such as `?after=AQAA...&limit=20&sort=-name` (every
/// member optional), so a handler can take `Query<CursorRequest>` directly. Without `after`
/// it reads the first page; with the `next` of a [`CursorPage`] the page after it. The limit
/// is clamped to `1..=MAX_PAGE_SIZE`, and `sort` names a sortable field as for
/// [`PageRequest`](super::PageRequest) (ordered by id when `None`; ties broken by id in the
/// sort's direction). A cursor belongs to one sort: sent with another, it is
/// [`RepoError::InvalidCursor`].
///
/// ```
/// use pact_core::repository::{CursorRequest, Sort};
///
/// let request: CursorRequest = serde_json::from_str(r#"{"limit": 10, "sort": "-name"}"#).unwrap();
/// assert_eq!(request, CursorRequest::first(10).sorted(Sort::desc("name")));
/// assert_eq!(CursorRequest::default().limit, CursorRequest::DEFAULT_LIMIT);
/// let next = CursorRequest::first(10).after("AQAAAAAAAAAAKg");
/// assert_eq!(next.after.as_deref(), Some("AQAAAAAAAAAAKg"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct CursorRequest {
    /// The `next` cursor of the previous page; `None` for the first page.
    pub after: Option<String>,
    /// How many rows to return at most (clamped to `1..=MAX_PAGE_SIZE`).
    pub limit: u32,
    /// The order; by id when `None`.
    pub sort: Option<Sort>,
}

impl CursorRequest {
    /// The `limit` of [`CursorRequest::default`].
    pub const DEFAULT_LIMIT: u32 = 20;

    /// The first `limit` rows, ordered by id.
    #[must_use]
    pub const fn first(limit: u32) -> Self {
        Self {
            after: None,
            limit,
            sort: None,
        }
    }

    /// The rows after a cursor (the `next` of the previous [`CursorPage`]).
    #[must_use]
    pub fn after(mut self, cursor: impl Into<String>) -> Self {
        self.after = Some(cursor.into());
        self
    }

    /// The same rows in another order.
    #[must_use]
    pub fn sorted(mut self, sort: Sort) -> Self {
        self.sort = Some(sort);
        self
    }

    /// The limit clamped to `1..=max`.
    #[must_use]
    pub fn clamped_limit(&self, max: u32) -> u32 {
        self.limit.clamp(1, max.max(1))
    }
}

impl Default for CursorRequest {
    fn default() -> Self {
        Self::first(Self::DEFAULT_LIMIT)
    }
}

/// One keyset page: its rows, and the cursor of the next page when rows follow.
///
/// Unlike a [`Page`](super::Page) it has no total (counting is the cost keyset pages avoid),
/// and it stays stable while rows are inserted: the next page starts after the last row seen,
/// wherever that row now is.
///
/// ```
/// use pact_core::repository::CursorPage;
///
/// let page = CursorPage { items: vec![1, 2], next: Some("AQAAAAAAAAAAAg".to_owned()) };
/// assert!(page.has_next());
/// let page = page.map(|n| n * 10);
/// assert_eq!(page.items, [10, 20]);
/// assert_eq!(serde_json::to_value(&page).unwrap()["next"], "AQAAAAAAAAAAAg");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CursorPage<T> {
    /// The rows of this page.
    pub items: Vec<T>,
    /// The cursor of the next page (pass it as [`CursorRequest::after`]); `None` on the last.
    pub next: Option<String>,
}

impl<T> CursorPage<T> {
    /// Whether rows follow this page.
    #[must_use]
    pub fn has_next(&self) -> bool {
        self.next.is_some()
    }

    /// Converts every row, for example into a response DTO: `page.map(UserResponse::from)`.
    #[must_use]
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> CursorPage<U> {
        CursorPage {
            items: self.items.into_iter().map(f).collect(),
            next: self.next,
        }
    }
}

/// A column type a keyset cursor can carry: it writes itself to bytes and reads itself back,
/// refusing bytes no stored value could have produced.
///
/// Implemented for the integers, `bool`, `f32`/`f64` (finite only), `String` (UTF-8 without
/// NUL), `Vec<u8>`, `Option<T>`, and, behind their features, `uuid::Uuid` and the chrono and
/// time date and time types. `#[derive(Repository)]` requires it of the id and of every
/// sortable field of those types; sortable fields of other types (with a `sql_type`) are not
/// keyset sort keys.
///
/// ```
/// use pact_core::repository::CursorKey;
///
/// let mut out = Vec::new();
/// "ada".to_owned().write(&mut out);
/// 7_i32.write(&mut out);
/// let mut input = out.as_slice();
/// assert_eq!(String::read(&mut input).as_deref(), Some("ada"));
/// assert_eq!(i32::read(&mut input), Some(7));
/// assert!(input.is_empty());
/// assert_eq!(String::read(&mut &[0, 0, 0, 1, 0][..]), None); // a NUL character
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the key of a keyset (cursor) page",
    label = "an id or sortable field of this type cannot be written into a cursor",
    note = "integers, `bool`, floats, `String`, `Vec<u8>` and `Option`s of them can; `uuid::Uuid` needs pact's `uuid` feature, chrono and time types its `chrono` and `time` features"
)]
pub trait CursorKey: PartialOrd + Sized {
    /// Appends the value's bytes.
    fn write(&self, out: &mut Vec<u8>);

    /// Reads a value from the front of `input` and advances past it; `None` when the bytes
    /// are not a value of this type.
    fn read(input: &mut &[u8]) -> Option<Self>;

    /// Whether the value is SQL `NULL` (`None`).
    fn is_null(&self) -> bool {
        false
    }
}

fn take<'a>(input: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    if input.len() < n {
        return None;
    }
    let (head, rest) = input.split_at(n);
    *input = rest;
    Some(head)
}

fn take_array<const N: usize>(input: &mut &[u8]) -> Option<[u8; N]> {
    take(input, N)?.try_into().ok()
}

macro_rules! int_keys {
    ($($ty:ty),*) => {$(
        impl CursorKey for $ty {
            fn write(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_be_bytes());
            }

            fn read(input: &mut &[u8]) -> Option<Self> {
                take_array(input).map(<$ty>::from_be_bytes)
            }
        }
    )*};
}

int_keys!(i8, i16, i32, i64, u8, u16, u32, u64);

macro_rules! float_keys {
    ($($ty:ty: $bits:ty),*) => {$(
        /// Finite values only: no backend stores NaN or an infinity.
        impl CursorKey for $ty {
            fn write(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_bits().to_be_bytes());
            }

            fn read(input: &mut &[u8]) -> Option<Self> {
                let value = <$ty>::from_bits(<$bits>::from_be_bytes(take_array(input)?));
                value.is_finite().then_some(value)
            }
        }
    )*};
}

float_keys!(f32: u32, f64: u64);

impl CursorKey for bool {
    fn write(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }

    fn read(input: &mut &[u8]) -> Option<Self> {
        match take(input, 1)? {
            [0] => Some(false),
            [1] => Some(true),
            _ => None,
        }
    }
}

fn write_len(len: usize, out: &mut Vec<u8>) {
    // A value longer than a cursor holds is refused when the cursor is encoded.
    out.extend_from_slice(&u32::try_from(len).unwrap_or(u32::MAX).to_be_bytes());
}

fn read_len(input: &mut &[u8]) -> Option<usize> {
    let len = usize::try_from(u32::from_be_bytes(take_array(input)?)).ok()?;
    (len <= input.len()).then_some(len)
}

/// UTF-8 without NUL characters (no backend stores one, and PostgreSQL refuses one even as a
/// parameter).
impl CursorKey for String {
    fn write(&self, out: &mut Vec<u8>) {
        write_len(self.len(), out);
        out.extend_from_slice(self.as_bytes());
    }

    fn read(input: &mut &[u8]) -> Option<Self> {
        let len = read_len(input)?;
        let text = std::str::from_utf8(take(input, len)?).ok()?;
        (!text.contains('\0')).then(|| text.to_owned())
    }
}

impl CursorKey for Vec<u8> {
    fn write(&self, out: &mut Vec<u8>) {
        write_len(self.len(), out);
        out.extend_from_slice(self);
    }

    fn read(input: &mut &[u8]) -> Option<Self> {
        let len = read_len(input)?;
        take(input, len).map(<[u8]>::to_vec)
    }
}

/// A tag byte (0: `None`, 1: `Some`), then the value.
impl<T: CursorKey> CursorKey for Option<T> {
    fn write(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(value) => {
                out.push(1);
                value.write(out);
            }
        }
    }

    fn read(input: &mut &[u8]) -> Option<Self> {
        match take(input, 1)? {
            [0] => Some(None),
            [1] => T::read(input).map(Some),
            _ => None,
        }
    }

    fn is_null(&self) -> bool {
        self.is_none()
    }
}

#[cfg(feature = "uuid")]
impl CursorKey for uuid::Uuid {
    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.as_bytes());
    }

    fn read(input: &mut &[u8]) -> Option<Self> {
        take_array(input).map(Self::from_bytes)
    }
}

#[cfg(feature = "chrono")]
mod chrono_keys {
    use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};

    use super::{CursorKey, take_array};

    fn write_instant(secs: i64, nanos: u32, out: &mut Vec<u8>) {
        out.extend_from_slice(&secs.to_be_bytes());
        out.extend_from_slice(&nanos.to_be_bytes());
    }

    fn read_instant(input: &mut &[u8]) -> Option<DateTime<Utc>> {
        let secs = i64::from_be_bytes(take_array(input)?);
        let nanos = u32::from_be_bytes(take_array(input)?);
        DateTime::from_timestamp(secs, nanos)
    }

    impl CursorKey for DateTime<Utc> {
        fn write(&self, out: &mut Vec<u8>) {
            write_instant(self.timestamp(), self.timestamp_subsec_nanos(), out);
        }

        fn read(input: &mut &[u8]) -> Option<Self> {
            read_instant(input)
        }
    }

    impl CursorKey for DateTime<FixedOffset> {
        fn write(&self, out: &mut Vec<u8>) {
            write_instant(self.timestamp(), self.timestamp_subsec_nanos(), out);
            out.extend_from_slice(&self.offset().local_minus_utc().to_be_bytes());
        }

        fn read(input: &mut &[u8]) -> Option<Self> {
            let utc = read_instant(input)?;
            let offset = FixedOffset::east_opt(i32::from_be_bytes(take_array(input)?))?;
            Some(utc.with_timezone(&offset))
        }
    }

    impl CursorKey for NaiveDateTime {
        fn write(&self, out: &mut Vec<u8>) {
            let utc = self.and_utc();
            write_instant(utc.timestamp(), utc.timestamp_subsec_nanos(), out);
        }

        fn read(input: &mut &[u8]) -> Option<Self> {
            read_instant(input).map(|utc| utc.naive_utc())
        }
    }

    impl CursorKey for NaiveDate {
        fn write(&self, out: &mut Vec<u8>) {
            use chrono::Datelike;
            out.extend_from_slice(&self.num_days_from_ce().to_be_bytes());
        }

        fn read(input: &mut &[u8]) -> Option<Self> {
            Self::from_num_days_from_ce_opt(i32::from_be_bytes(take_array(input)?))
        }
    }

    impl CursorKey for NaiveTime {
        fn write(&self, out: &mut Vec<u8>) {
            out.extend_from_slice(&self.num_seconds_from_midnight().to_be_bytes());
            out.extend_from_slice(&self.nanosecond().to_be_bytes());
        }

        fn read(input: &mut &[u8]) -> Option<Self> {
            let secs = u32::from_be_bytes(take_array(input)?);
            let nanos = u32::from_be_bytes(take_array(input)?);
            Self::from_num_seconds_from_midnight_opt(secs, nanos)
        }
    }
}

#[cfg(feature = "time")]
mod time_keys {
    use time::{Date, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

    use super::{CursorKey, take_array};

    fn read_instant(input: &mut &[u8]) -> Option<OffsetDateTime> {
        OffsetDateTime::from_unix_timestamp_nanos(i128::from_be_bytes(take_array(input)?)).ok()
    }

    impl CursorKey for OffsetDateTime {
        fn write(&self, out: &mut Vec<u8>) {
            out.extend_from_slice(&self.unix_timestamp_nanos().to_be_bytes());
            out.extend_from_slice(&self.offset().whole_seconds().to_be_bytes());
        }

        fn read(input: &mut &[u8]) -> Option<Self> {
            let utc = read_instant(input)?;
            let offset = UtcOffset::from_whole_seconds(i32::from_be_bytes(take_array(input)?));
            Some(utc.to_offset(offset.ok()?))
        }
    }

    impl CursorKey for PrimitiveDateTime {
        fn write(&self, out: &mut Vec<u8>) {
            out.extend_from_slice(&self.assume_utc().unix_timestamp_nanos().to_be_bytes());
        }

        fn read(input: &mut &[u8]) -> Option<Self> {
            read_instant(input).map(|utc| Self::new(utc.date(), utc.time()))
        }
    }

    impl CursorKey for Date {
        fn write(&self, out: &mut Vec<u8>) {
            out.extend_from_slice(&self.to_julian_day().to_be_bytes());
        }

        fn read(input: &mut &[u8]) -> Option<Self> {
            Self::from_julian_day(i32::from_be_bytes(take_array(input)?)).ok()
        }
    }

    impl CursorKey for Time {
        fn write(&self, out: &mut Vec<u8>) {
            let (h, m, s, nanos) = self.as_hms_nano();
            out.extend_from_slice(&[h, m, s]);
            out.extend_from_slice(&nanos.to_be_bytes());
        }

        fn read(input: &mut &[u8]) -> Option<Self> {
            let [h, m, s] = take_array(input)?;
            let nanos = u32::from_be_bytes(take_array(input)?);
            Self::from_hms_nano(h, m, s, nanos).ok()
        }
    }
}

/// The keyset side of an [`Entity`]: its key columns' values as cursor bytes, through the
/// codecs the entity names ([`Entity::KEY_COLUMNS`], [`Entity::KEY_CODECS`]). Implemented for
/// every entity.
///
/// ```
/// use pact_core::repository::Keyset;
/// # use pact_core::repository::{Column, Dialect, Entity, KeyCodec, RepoError, Statements};
/// # #[derive(Clone)] struct User { id: i64, name: String }
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
/// #     const COLUMNS: &'static [Column] = &[Column::new("id", "id").id(), Column::new("name", "name").sortable()];
/// #     fn id(&self) -> &i64 { &self.id }
/// #     fn set_generated_id(&mut self, id: i64) -> Result<(), RepoError> { self.id = id; Ok(()) }
/// #     fn statements(_: Dialect) -> &'static Statements { &S }
/// #     fn field(&self, c: usize) -> &dyn std::any::Any { match c { 0 => &self.id, 1 => &self.name, _ => &() } }
/// #     fn value_field<'v>(v: &'v Self::Value<'_>) -> (usize, pact_core::repository::FieldArg<'v>) { match *v {} }
/// #     type Row = (i64, String);
/// #     const INSERT_COLUMNS: &'static [usize] = &[0, 1];
/// #     const UPDATE_COLUMNS: &'static [usize] = &[1, 0];
/// #     fn from_row((id, name): Self::Row) -> Self { User { id, name } }
/// #     const KEY_COLUMNS: &'static [usize] = &[0, 1];
/// #     const KEY_CODECS: &'static [KeyCodec] = &[KeyCodec::of::<i64>(), KeyCodec::of::<String>()];
/// #     type Dyn = dyn pact_core::repository::Backend<Self>;
/// #     fn into_dyn<R: pact_core::repository::Backend<Self> + 'static>(r: R) -> std::sync::Arc<Self::Dyn> { std::sync::Arc::new(r) }
/// # }
/// // With `#[derive(Repository)]` on `User { #[repo(id)] id: i64, #[repo(sortable)] name: String }`:
/// let ada = User { id: 7, name: "ada".into() };
/// let mut key = Vec::new();
/// ada.write_key(1, &mut key);
/// assert_eq!(User::check_key(1, &mut key.as_slice()), Some(false));
/// assert_eq!(ada.compare_key(1, &mut key.as_slice()), Some(std::cmp::Ordering::Equal));
/// assert_eq!(User::check_key(0, &mut &[1, 2][..]), None); // too short for an i64
/// ```
pub trait Keyset: Entity {
    /// The codec of the key column `column`.
    #[must_use]
    fn key_codec(column: usize) -> Option<&'static KeyCodec> {
        let at = Self::KEY_COLUMNS.iter().position(|&key| key == column)?;
        Self::KEY_CODECS.get(at)
    }

    /// Appends the cursor bytes of this row's value in `column`.
    fn write_key(&self, column: usize, out: &mut Vec<u8>) {
        if let Some(codec) = Self::key_codec(column) {
            (codec.write)(self.field(column), out);
        }
    }

    /// Reads a value of `column` from the front of `key` and orders this row's value against
    /// it; `None` when the bytes are not a value of the column.
    fn compare_key(&self, column: usize, key: &mut &[u8]) -> Option<Ordering> {
        (Self::key_codec(column)?.compare)(self.field(column), key)
    }

    /// Reads a value of `column` from the front of `key` and hands it to `with` as the
    /// column's own type, with whether it is `NULL`: how a SQL repository binds a cursor's
    /// values.
    ///
    /// # Errors
    /// [`RepoError::InvalidCursor`] when `column` is not a key column or the bytes are not a
    /// value of it; what `with` answers.
    fn read_key(
        column: usize,
        key: &mut &[u8],
        with: &mut dyn FnMut(&dyn Any, bool) -> Result<(), RepoError>,
    ) -> Result<(), RepoError> {
        match Self::key_codec(column) {
            Some(codec) => (codec.read)(Self::NAME, key, with),
            None => Err(RepoError::InvalidCursor {
                entity: Self::NAME,
                reason: "not a keyset column",
            }),
        }
    }

    /// Reads a value of `column` from the front of `key`: `Some(true)` for `NULL`,
    /// `Some(false)` for another value, `None` when the bytes are not a value of the column.
    fn check_key(column: usize, key: &mut &[u8]) -> Option<bool> {
        let mut null = None;
        Self::read_key(column, key, &mut |_, is_null| {
            null = Some(is_null);
            Ok(())
        })
        .ok()?;
        null
    }
}

impl<E: Entity> Keyset for E {}

/// How one key column's values are written to a cursor, compared with a cursor's and read
/// back: [`CursorKey`] of the column's type, behind function pointers, so an entity's
/// [`Keyset`] impl is data (`KEY_CODECS`) and one field accessor, and nothing of it is
/// compiled where it is not used.
///
/// ```
/// use pact_core::repository::KeyCodec;
///
/// let codec = KeyCodec::of::<i64>();
/// let mut bytes = Vec::new();
/// codec.write(&7_i64, &mut bytes);
/// assert_eq!(codec.compare(&9_i64, &mut bytes.as_slice()), Some(std::cmp::Ordering::Greater));
/// assert_eq!(codec.compare(&"not an i64", &mut bytes.as_slice()), None);
/// ```
#[derive(Clone, Copy)]
pub struct KeyCodec {
    write: fn(&dyn Any, &mut Vec<u8>),
    compare: fn(&dyn Any, &mut &[u8]) -> Option<Ordering>,
    #[allow(clippy::type_complexity)]
    read: fn(
        &'static str,
        &mut &[u8],
        &mut dyn FnMut(&dyn Any, bool) -> Result<(), RepoError>,
    ) -> Result<(), RepoError>,
}

impl std::fmt::Debug for KeyCodec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyCodec").finish_non_exhaustive()
    }
}

impl KeyCodec {
    /// The codec of `T`'s values.
    #[must_use]
    pub const fn of<T: CursorKey + 'static>() -> Self {
        Self {
            write: write_as::<T>,
            compare: compare_as::<T>,
            read: read_key::<T>,
        }
    }

    /// Appends the cursor bytes of `value`; nothing when it is not of the codec's type.
    pub fn write(&self, value: &dyn Any, out: &mut Vec<u8>) {
        (self.write)(value, out);
    }

    /// Reads a value from the front of `key` and orders `value` against it; `None` when the
    /// bytes are not a value of the codec's type or `value` is not of it.
    pub fn compare(&self, value: &dyn Any, key: &mut &[u8]) -> Option<Ordering> {
        (self.compare)(value, key)
    }
}

fn write_as<T: CursorKey + 'static>(value: &dyn Any, out: &mut Vec<u8>) {
    if let Some(value) = value.downcast_ref::<T>() {
        value.write(out);
    }
}

fn compare_as<T: CursorKey + 'static>(value: &dyn Any, key: &mut &[u8]) -> Option<Ordering> {
    compare_key(value.downcast_ref::<T>()?, key)
}

/// `Keyset::read_key` for one type.
fn read_key<T: CursorKey + 'static>(
    entity: &'static str,
    key: &mut &[u8],
    with: &mut dyn FnMut(&dyn Any, bool) -> Result<(), RepoError>,
) -> Result<(), RepoError> {
    let value = T::read(key).ok_or(RepoError::InvalidCursor {
        entity,
        reason: "a cursor value does not decode",
    })?;
    let null = value.is_null();
    with(&value, null)
}

/// `Keyset::compare_key` for one field.
fn compare_key<T: CursorKey>(value: &T, key: &mut &[u8]) -> Option<Ordering> {
    let other = T::read(key)?;
    Some(value.partial_cmp(&other).unwrap_or(Ordering::Equal))
}

/// A [`CursorRequest`] checked against an entity: the order, the clamped limit, and the
/// decoded position.
pub(crate) struct KeysetPlan {
    /// The sort column; `None` orders by id alone.
    pub(crate) column: Option<usize>,
    pub(crate) descending: bool,
    pub(crate) limit: u32,
    pub(crate) after: Option<Position>,
}

/// Where the previous page ended: the bytes of its last row's sort value (when sorted by a
/// column) and id, each checked to decode as its column's type.
pub(crate) struct Position {
    bytes: Vec<u8>,
    /// Where the id's bytes start (0 when ordered by id).
    id_at: usize,
    /// The sort value is `NULL`.
    pub(crate) null: bool,
}

impl Position {
    /// The sort column value's bytes.
    pub(crate) fn sort_value(&self) -> &[u8] {
        &self.bytes[..self.id_at]
    }

    /// The id's bytes.
    pub(crate) fn id(&self) -> &[u8] {
        &self.bytes[self.id_at..]
    }
}

/// Checks a request: the sort key (a keyset column, else `InvalidSort`), the limit, and the
/// cursor (else `InvalidCursor`).
pub(crate) fn keyset_plan<E: Keyset>(request: &CursorRequest) -> Result<KeysetPlan, RepoError> {
    let limit = request.clamped_limit(E::MAX_PAGE_SIZE);
    let (column, descending) = match &request.sort {
        None => (None, false),
        Some(sort) => {
            let column = E::sortable_column(&sort.key)
                .filter(|column| E::KEY_COLUMNS.contains(column))
                .ok_or_else(|| {
                    let allowed = E::KEY_COLUMNS
                        .iter()
                        .map(|&column| E::COLUMNS[column].field)
                        .collect();
                    RepoError::invalid_sort(E::NAME, &sort.key, allowed)
                })?;
            let column = (column != E::ID_COLUMN).then_some(column);
            (column, sort.direction == Direction::Desc)
        }
    };
    if !E::KEY_COLUMNS.contains(&E::ID_COLUMN) {
        return Err(RepoError::invalid_sort(
            E::NAME,
            E::COLUMNS[E::ID_COLUMN].field,
            Vec::new(),
        ));
    }
    let after = match &request.after {
        None => None,
        Some(text) => Some(decode::<E>(text, column, descending)?),
    };
    Ok(KeysetPlan {
        column,
        descending,
        limit,
        after,
    })
}

fn invalid<E: Entity>(reason: &'static str) -> RepoError {
    RepoError::InvalidCursor {
        entity: E::NAME,
        reason,
    }
}

/// Decodes and checks a cursor for the order `column`/`descending`.
fn decode<E: Keyset>(
    text: &str,
    column: Option<usize>,
    descending: bool,
) -> Result<Position, RepoError> {
    if text.len() > MAX_CURSOR_LEN {
        return Err(invalid::<E>("the cursor is too long"));
    }
    let bytes = base64url_decode(text).ok_or_else(|| invalid::<E>("not a cursor"))?;
    let mut input = bytes.as_slice();
    let [version, flags, key_len] =
        take_array(&mut input).ok_or_else(|| invalid::<E>("the cursor is truncated"))?;
    if version != VERSION {
        return Err(invalid::<E>("the cursor is of another version"));
    }
    if flags & !1 != 0 {
        return Err(invalid::<E>("not a cursor"));
    }
    let key = take(&mut input, usize::from(key_len))
        .ok_or_else(|| invalid::<E>("the cursor is truncated"))?;
    let expected = column.map_or("", |column| E::COLUMNS[column].field);
    if key != expected.as_bytes() || (flags & 1 == 1) != descending {
        return Err(invalid::<E>("the cursor belongs to another sort"));
    }
    let start = input.len();
    let null = match column {
        Some(column) => E::check_key(column, &mut input)
            .ok_or_else(|| invalid::<E>("the cursor's sort value does not decode"))?,
        None => false,
    };
    let id_at = start - input.len();
    if E::check_key(E::ID_COLUMN, &mut input) != Some(false) {
        return Err(invalid::<E>("the cursor's id does not decode"));
    }
    if !input.is_empty() {
        return Err(invalid::<E>("the cursor has trailing bytes"));
    }
    let header = bytes.len() - start;
    Ok(Position {
        bytes: bytes[header..].to_vec(),
        id_at,
        null,
    })
}

/// The cursor after `row` for the order `column`/`descending`.
fn encode<E: Keyset>(
    row: &E,
    column: Option<usize>,
    descending: bool,
) -> Result<String, RepoError> {
    let key = column.map_or("", |column| E::COLUMNS[column].field);
    let key_len = u8::try_from(key.len())
        .map_err(|_| RepoError::backend("a sort field name longer than 255 bytes"))?;
    let mut bytes = vec![VERSION, u8::from(descending), key_len];
    bytes.extend_from_slice(key.as_bytes());
    if let Some(column) = column {
        row.write_key(column, &mut bytes);
    }
    row.write_key(E::ID_COLUMN, &mut bytes);
    if bytes.len() > MAX_CURSOR_BYTES {
        let field = column.map_or(E::COLUMNS[E::ID_COLUMN].field, |column| {
            E::COLUMNS[column].field
        });
        return Err(RepoError::InvalidValue {
            entity: E::NAME,
            field: Some(field),
            code: "cursor_length",
            reason: "a value longer than 3 KiB cannot be the key of a keyset page; sort by another field".into(),
        });
    }
    Ok(base64url_encode(&bytes))
}

impl KeysetPlan {
    /// How many rows to read: one more than the limit, which tells whether a page follows.
    pub(crate) fn fetch(&self) -> usize {
        self.limit as usize + 1
    }

    /// The page of `rows` (read in order, at most [`fetch`](KeysetPlan::fetch) of them).
    pub(crate) fn finish<E: Keyset>(&self, mut rows: Vec<E>) -> Result<CursorPage<E>, RepoError> {
        let more = rows.len() > self.limit as usize;
        rows.truncate(self.limit as usize);
        let next = match rows.last() {
            Some(last) if more => Some(encode(last, self.column, self.descending)?),
            _ => None,
        };
        Ok(CursorPage { items: rows, next })
    }

    /// Whether `row` comes after the position, in this order (memory).
    pub(crate) fn follows<E: Keyset>(&self, row: &E) -> bool {
        let Some(after) = &self.after else {
            return true;
        };
        let ordering = self.order(row, after);
        if self.descending {
            ordering == Ordering::Less
        } else {
            ordering == Ordering::Greater
        }
    }

    /// `row` against the position, ascending.
    fn order<E: Keyset>(&self, row: &E, after: &Position) -> Ordering {
        let by_column = self.column.map_or(Ordering::Equal, |column| {
            row.compare_key(column, &mut after.sort_value())
                .unwrap_or(Ordering::Equal)
        });
        by_column.then_with(|| {
            row.compare_key(E::ID_COLUMN, &mut after.id())
                .unwrap_or(Ordering::Equal)
        })
    }

    /// Orders two rows, in this order (memory).
    pub(crate) fn compare<E: Keyset>(&self, a: &E, b: &E) -> Ordering {
        let by_key = self
            .column
            .map_or(Ordering::Equal, |column| a.compare(b, column));
        let ordering = by_key.then_with(|| a.id().cmp(b.id()));
        if self.descending {
            ordering.reverse()
        } else {
            ordering
        }
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648, section 5).
fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
        }
    }
    out
}

/// The bytes of base64url text without padding; `None` for any other character, a length no
/// encoding has, or unused bits that are not zero (so each cursor has one spelling).
fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let sextet = |c: u8| -> Option<u32> {
        Some(u32::from(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        }))
    };
    let text = text.as_bytes();
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.chunks(4) {
        let mut n = 0;
        for (i, &c) in chunk.iter().enumerate() {
            n |= sextet(c)? << (18 - 6 * i);
        }
        let [_, a, b, c] = n.to_be_bytes();
        let bytes = [a, b, c];
        let len = chunk.len() - 1;
        if bytes[len..].iter().any(|&b| b != 0) {
            return None;
        }
        out.extend_from_slice(&bytes[..len]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{
        CursorKey, CursorRequest, KeyCodec, Keyset, MAX_CURSOR_LEN, base64url_decode,
        base64url_encode, keyset_plan,
    };
    use crate::repository::{Column, Dialect, Entity, RepoError, Sort, Statements};

    const S: Statements = Statements {
        create_table: &[],
        drop_table: "",
        select_by_id: "",
        select_all: "",
        select_page: "",
        count: "",
        exists: "",
        insert: "",
        update: "",
        delete_by_id: "",
        finders: &[],
        live: None,
        soft_delete: None,
        upserts: &[],
    };

    /// `#[derive(Repository)]`'s impls of a `User { id: i64, name: String, rank: Option<i32> }`
    /// with `name` and `rank` sortable, written out.
    #[derive(Clone, Debug, PartialEq)]
    struct User {
        id: i64,
        name: String,
        rank: Option<i32>,
    }

    impl Entity for User {
        type Id = i64;
        type IdBound = i64;
        type IdArg<'a> = i64;
        type Value<'a> = std::convert::Infallible;
        const NAME: &'static str = "User";
        const TABLE: &'static str = "users";
        const COLUMNS: &'static [Column] = &[
            Column::new("id", "id").id().ordered::<i64>(),
            Column::new("name", "name").sortable().ordered::<String>(),
            Column::new("rank", "rank")
                .sortable()
                .nullable()
                .ordered::<Option<i32>>(),
        ];
        fn id(&self) -> &i64 {
            &self.id
        }
        fn set_generated_id(&mut self, id: i64) -> Result<(), RepoError> {
            self.id = id;
            Ok(())
        }
        fn statements(_: Dialect) -> &'static Statements {
            &S
        }
        fn field(&self, column: usize) -> &dyn std::any::Any {
            match column {
                0 => &self.id,
                1 => &self.name,
                2 => &self.rank,
                _ => &(),
            }
        }
        fn value_field<'v>(value: &'v Self::Value<'_>) -> (usize, crate::repository::FieldArg<'v>) {
            match *value {}
        }
        type Row = (i64, String, Option<i32>);
        const INSERT_COLUMNS: &'static [usize] = &[0, 1, 2];
        const UPDATE_COLUMNS: &'static [usize] = &[1, 2, 0];
        fn from_row((id, name, rank): Self::Row) -> Self {
            User { id, name, rank }
        }
        const KEY_COLUMNS: &'static [usize] = &[0, 1, 2];
        const KEY_CODECS: &'static [KeyCodec] = &[
            KeyCodec::of::<i64>(),
            KeyCodec::of::<String>(),
            KeyCodec::of::<Option<i32>>(),
        ];
        type Dyn = dyn crate::repository::Backend<Self>;
        fn into_dyn<R: crate::repository::Backend<Self> + 'static>(
            repository: R,
        ) -> std::sync::Arc<Self::Dyn> {
            std::sync::Arc::new(repository)
        }
    }

    fn sorts() -> [Option<Sort>; 5] {
        [
            None,
            Some(Sort::asc("name")),
            Some(Sort::desc("name")),
            Some(Sort::asc("rank")),
            Some(Sort::desc("id")),
        ]
    }

    /// The cursor after `row` for `sort`, and the plan it decodes to.
    fn cursor_after(row: &User, sort: Option<Sort>) -> (String, CursorRequest) {
        let request = CursorRequest {
            after: None,
            limit: 1,
            sort,
        };
        let plan = keyset_plan::<User>(&request).unwrap();
        let page = plan.finish(vec![row.clone(), row.clone()]).unwrap();
        (page.next.unwrap(), request)
    }

    #[test]
    fn a_cursor_is_checked_against_its_request() {
        let ada = User {
            id: 7,
            name: "ada".into(),
            rank: None,
        };
        let (cursor, request) = cursor_after(&ada, Some(Sort::asc("name")));
        assert!(!cursor.contains('=') && cursor.len() < 40, "{cursor}");
        let plan = keyset_plan::<User>(&request.clone().after(cursor.clone())).unwrap();
        let after = plan.after.as_ref().unwrap();
        assert!(!after.null);
        assert_eq!(
            String::read(&mut after.sort_value()).as_deref(),
            Some("ada")
        );
        assert_eq!(i64::read(&mut after.id()), Some(7));
        for other in [None, Some(Sort::desc("name")), Some(Sort::asc("rank"))] {
            let request = CursorRequest::first(1).after(cursor.clone());
            let request = CursorRequest {
                sort: other,
                ..request
            };
            let err = keyset_plan::<User>(&request).err().unwrap();
            assert!(err.is_invalid_cursor(), "{err:?}");
        }
        let (cursor, request) = cursor_after(&ada, Some(Sort::asc("rank")));
        let plan = keyset_plan::<User>(&request.after(cursor)).unwrap();
        assert!(plan.after.unwrap().null, "a NULL sort value");
        let huge = CursorRequest::first(1).after("A".repeat(MAX_CURSOR_LEN + 4));
        assert!(
            keyset_plan::<User>(&huge)
                .err()
                .unwrap()
                .is_invalid_cursor()
        );
    }

    #[test]
    fn a_value_too_long_for_a_cursor_is_refused_when_the_page_is_built() {
        let long = User {
            id: 1,
            name: "a".repeat(4000),
            rank: None,
        };
        let request = CursorRequest::first(1).sorted(Sort::asc("name"));
        let plan = keyset_plan::<User>(&request).unwrap();
        let err = plan.finish(vec![long.clone(), long]).unwrap_err();
        assert!(err.is_invalid_value(), "{err:?}");
    }

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64url_encode(plain.as_bytes()), encoded);
            assert_eq!(base64url_decode(encoded).unwrap(), plain.as_bytes());
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url_decode("Zg=="), None, "padding");
        assert_eq!(base64url_decode("Zh"), None, "unused bits set");
        assert_eq!(base64url_decode("Z"), None, "impossible length");
        assert_eq!(base64url_decode("Zm+v"), None, "standard alphabet");
        assert_eq!(base64url_decode("Zm\0v"), None, "NUL");
    }

    #[test]
    fn values_refuse_what_no_column_stores() {
        assert_eq!(f64::read(&mut &f64::NAN.to_bits().to_be_bytes()[..]), None);
        assert_eq!(
            f32::read(&mut &f32::INFINITY.to_bits().to_be_bytes()[..]),
            None
        );
        assert_eq!(bool::read(&mut &[2][..]), None);
        assert_eq!(
            String::read(&mut &[0, 0, 0, 2, 0xc3, 0x28][..]),
            None,
            "not UTF-8"
        );
        assert_eq!(
            String::read(&mut &[0, 0, 0, 9, b'a'][..]),
            None,
            "length past the end"
        );
        assert_eq!(
            String::read(&mut &[0xff, 0xff, 0xff, 0xff][..]),
            None,
            "huge length"
        );
        assert_eq!(
            <Option<i32>>::read(&mut &[2, 0, 0, 0, 1][..]),
            None,
            "bad tag"
        );
        assert_eq!(i64::read(&mut &[0; 7][..]), None, "truncated");
    }

    fn round_trip<T: CursorKey + std::fmt::Debug>(value: &T) {
        let mut out = Vec::new();
        value.write(&mut out);
        let mut input = out.as_slice();
        let back = T::read(&mut input).expect("a written value reads back");
        assert!(input.is_empty());
        assert!(
            back.partial_cmp(value) == Some(std::cmp::Ordering::Equal),
            "{back:?} != {value:?}"
        );
    }

    proptest! {
        #[test]
        fn base64url_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let text = base64url_encode(&bytes);
            prop_assert!(!text.contains('='));
            prop_assert_eq!(base64url_decode(&text), Some(bytes));
        }

        #[test]
        fn base64url_decode_never_panics(text in "\\PC{0,64}") {
            let _ = base64url_decode(&text);
        }

        #[test]
        fn keys_round_trip(
            int in any::<i64>(),
            small in any::<u16>(),
            text in "[^\0]{0,40}",
            bytes in proptest::collection::vec(any::<u8>(), 0..40),
            float in -1e300_f64..1e300,
            flag in any::<bool>(),
            maybe in proptest::option::of(any::<i32>()),
        ) {
            round_trip(&int);
            round_trip(&small);
            round_trip(&text);
            round_trip(&bytes);
            round_trip(&float);
            round_trip(&flag);
            round_trip(&maybe);
            round_trip(&Some(text.clone()));
        }

        #[test]
        fn cursors_round_trip(id in any::<i64>(), name in "[^\0]{0,60}", rank in proptest::option::of(any::<i32>()), which in 0_usize..5) {
            let row = User { id, name, rank };
            let sort = sorts()[which].clone();
            let (cursor, request) = cursor_after(&row, sort);
            let plan = keyset_plan::<User>(&request.after(cursor)).unwrap();
            let after = plan.after.as_ref().unwrap();
            prop_assert_eq!(row.compare_key(0, &mut after.id()), Some(std::cmp::Ordering::Equal));
            if let Some(column) = plan.column {
                prop_assert_eq!(row.compare_key(column, &mut after.sort_value()), Some(std::cmp::Ordering::Equal));
            }
            prop_assert!(!plan.follows(&row), "a row does not follow itself");
        }

        #[test]
        fn decoding_any_text_never_panics(text in "\\PC{0,80}", which in 0_usize..5) {
            let request = CursorRequest { after: Some(text), limit: 5, sort: sorts()[which].clone() };
            if let Err(err) = keyset_plan::<User>(&request) {
                prop_assert!(err.is_invalid_cursor(), "{:?}", err);
            }
        }

        #[test]
        fn decoding_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..80), which in 0_usize..5) {
            // Mostly well-formed headers, so the value decoders see the arbitrary bytes.
            let mut cursor = vec![1, u8::from(which == 2 || which == 4)];
            let key = sorts()[which].as_ref().map_or(String::new(), |s| if s.key == "id" { String::new() } else { s.key.clone() });
            cursor.push(u8::try_from(key.len()).unwrap());
            cursor.extend_from_slice(key.as_bytes());
            cursor.extend_from_slice(&bytes);
            for text in [base64url_encode(&cursor), base64url_encode(&bytes)] {
                let request = CursorRequest { after: Some(text), limit: 5, sort: sorts()[which].clone() };
                if let Err(err) = keyset_plan::<User>(&request) {
                    prop_assert!(err.is_invalid_cursor(), "{:?}", err);
                }
            }
        }

        #[test]
        fn reading_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let _ = String::read(&mut bytes.as_slice());
            let _ = <Vec<u8>>::read(&mut bytes.as_slice());
            let _ = <Option<f64>>::read(&mut bytes.as_slice());
            let _ = i64::read(&mut bytes.as_slice());
            let _ = bool::read(&mut bytes.as_slice());
        }
    }
}
