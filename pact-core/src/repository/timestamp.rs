//! [`Timestamp`]: the column types `#[repo(created_at)]`, `#[repo(updated_at)]` and
//! `#[repo(soft_delete)]` accept, built from one clock reading in microseconds.
//!
//! Every backend stores timestamps to the microsecond (PostgreSQL `TIMESTAMP`, MySQL
//! `DATETIME(6)`; SQLite's text keeps what it is given), so the repository reads the clock once
//! per write, truncated to microseconds: memory and every database return the same value.

use crate::repository::RepoError;

/// A timestamp the repository sets itself: `chrono::DateTime<Utc>` and
/// `chrono::NaiveDateTime` (feature `chrono`), `time::OffsetDateTime` and
/// `time::PrimitiveDateTime` (feature `time`). Naive and primitive values are UTC.
///
/// ```
/// # #[cfg(feature = "chrono")] {
/// use pact_core::repository::Timestamp;
///
/// let at = <chrono::DateTime<chrono::Utc> as Timestamp>::from_unix_micros(1_700_000_000_123_456).unwrap();
/// assert_eq!(at.timestamp_subsec_micros(), 123_456);
/// let now = <chrono::NaiveDateTime as Timestamp>::now_micros().unwrap();
/// assert_eq!(now.and_utc().timestamp_subsec_nanos() % 1_000, 0, "truncated to microseconds");
/// # }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a timestamp the repository can set",
    label = "`created_at`, `updated_at` and `soft_delete` take `chrono::DateTime<Utc>`, `chrono::NaiveDateTime`, `time::OffsetDateTime` or `time::PrimitiveDateTime`",
    note = "enable pact's `chrono` or `time` feature for these types"
)]
pub trait Timestamp: Sized {
    /// The instant `micros` microseconds after the Unix epoch (UTC); `None` when the type
    /// cannot hold it.
    fn from_unix_micros(micros: i64) -> Option<Self>;

    /// The current time, truncated to microseconds.
    ///
    /// # Errors
    /// [`RepoError::Backend`] when the clock is outside the type's range.
    fn now_micros() -> Result<Self, RepoError> {
        stamp(now_unix_micros())
    }
}

/// The current time in microseconds since the Unix epoch (negative before it): the one clock
/// reading a write stamps its timestamps with.
///
/// ```
/// let now = pact_core::repository::now_unix_micros();
/// assert!(now > 1_700_000_000_000_000);
/// ```
#[must_use]
pub fn now_unix_micros() -> i64 {
    match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_micros()).unwrap_or(i64::MAX),
        Err(before) => i64::try_from(before.duration().as_micros()).map_or(i64::MIN, |m| -m),
    }
}

/// `T::from_unix_micros`, or the error a write answers when the clock does not fit `T`.
///
/// # Errors
/// [`RepoError::Backend`] when `micros` is outside `T`'s range.
pub fn stamp<T: Timestamp>(micros: i64) -> Result<T, RepoError> {
    T::from_unix_micros(micros).ok_or_else(|| {
        RepoError::backend(format!(
            "the clock ({micros} µs after the epoch) does not fit the timestamp type"
        ))
    })
}

#[cfg(feature = "chrono")]
impl Timestamp for chrono::DateTime<chrono::Utc> {
    fn from_unix_micros(micros: i64) -> Option<Self> {
        Self::from_timestamp_micros(micros)
    }
}

#[cfg(feature = "chrono")]
impl Timestamp for chrono::NaiveDateTime {
    fn from_unix_micros(micros: i64) -> Option<Self> {
        chrono::DateTime::from_timestamp_micros(micros).map(|at| at.naive_utc())
    }
}

#[cfg(feature = "time")]
impl Timestamp for time::OffsetDateTime {
    fn from_unix_micros(micros: i64) -> Option<Self> {
        Self::from_unix_timestamp_nanos(i128::from(micros) * 1_000).ok()
    }
}

#[cfg(feature = "time")]
impl Timestamp for time::PrimitiveDateTime {
    fn from_unix_micros(micros: i64) -> Option<Self> {
        time::OffsetDateTime::from_unix_micros(micros).map(|at| Self::new(at.date(), at.time()))
    }
}

/// What a write does to the timestamps the repository manages ([`Entity::stamp`]).
///
/// [`Entity::stamp`]: crate::repository::Entity::stamp
///
/// ```
/// use pact_core::repository::Stamp;
///
/// assert_ne!(Stamp::Insert, Stamp::Update);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stamp {
    /// `insert` (and the insert path of an upsert): `created_at` and `updated_at` are now, the
    /// row is live (`soft_delete` is `None`).
    Insert,
    /// `update` (and the update path of an upsert): `updated_at` is now, the row is live;
    /// `created_at` is kept from the stored row.
    Update,
}

#[cfg(all(test, feature = "chrono", feature = "time"))]
mod tests {
    use super::Timestamp;

    #[test]
    fn every_type_reads_the_same_instant() {
        let micros = 1_700_000_000_654_321;
        let chrono = chrono::DateTime::<chrono::Utc>::from_unix_micros(micros).unwrap();
        let time = time::OffsetDateTime::from_unix_micros(micros).unwrap();
        assert_eq!(chrono.timestamp_micros(), micros);
        assert_eq!(time.unix_timestamp_nanos(), i128::from(micros) * 1_000);
        let naive = chrono::NaiveDateTime::from_unix_micros(micros).unwrap();
        assert_eq!(naive.and_utc(), chrono);
        let primitive = time::PrimitiveDateTime::from_unix_micros(micros).unwrap();
        assert_eq!(primitive.assume_utc(), time);
        assert!(time::OffsetDateTime::from_unix_micros(i64::MAX).is_none());
    }
}
