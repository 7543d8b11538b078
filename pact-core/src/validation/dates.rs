//! `range` rules on dates and times: [`ToParam`] for the `chrono` and `time` types (features
//! `chrono` and `time`), reported in params in their `Display` form (ISO 8601).

#[cfg(any(feature = "chrono", feature = "time"))]
use serde_json::Value;

#[cfg(any(feature = "chrono", feature = "time"))]
use super::rules::ToParam;

#[cfg(any(feature = "chrono", feature = "time"))]
macro_rules! display_param {
    ($($ty:ty),* $(,)?) => {$(
        impl ToParam for $ty {
            fn to_param(&self) -> Value {
                Value::String(self.to_string())
            }
        }
    )*};
}

#[cfg(feature = "chrono")]
display_param!(chrono::NaiveDate, chrono::NaiveTime, chrono::NaiveDateTime);

#[cfg(feature = "chrono")]
impl<Tz: chrono::TimeZone> ToParam for chrono::DateTime<Tz>
where
    Tz::Offset: std::fmt::Display,
{
    fn to_param(&self) -> Value {
        Value::String(self.to_rfc3339())
    }
}

#[cfg(feature = "time")]
display_param!(
    time::Date,
    time::Time,
    time::PrimitiveDateTime,
    time::OffsetDateTime
);
