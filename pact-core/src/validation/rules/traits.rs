//! What the rules need of a value: its text, its length, or its JSON form for params.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

use serde_json::Value;

/// A value whose text the string rules ([`email`](super::email), [`url`](super::url),
/// [`contains`](super::contains), ...) check.
///
/// ```
/// use std::borrow::Cow;
/// use pact_core::validation::rules::AsStr;
///
/// assert_eq!(AsStr::as_str(&String::from("ada")), "ada");
/// assert_eq!(AsStr::as_str(&Cow::Borrowed("ada")), "ada");
/// assert_eq!(AsStr::as_str(&&"ada"), "ada");
/// ```
#[diagnostic::on_unimplemented(
    message = "this rule does not apply to `{Self}`: it checks the text of a string",
    label = "`{Self}` is not a string",
    note = "`email`, `url`, `ip`, `ipv4`, `ipv6`, `uuid`, `credit_card`, `ascii`, `alphanumeric`, `contains`, `does_not_contain`, `prefix`, `suffix` and `pattern` apply to `String`, `str`, `Cow<str>`, `Box<str>`, `Rc<str>` and `Arc<str>`, and to the `Some` value of an `Option` of these"
)]
pub trait AsStr {
    /// The text.
    ///
    /// ```
    /// use pact_core::validation::rules::AsStr;
    /// let boxed: Box<str> = "ada".into();
    /// assert_eq!(AsStr::as_str(&boxed), "ada");
    /// ```
    fn as_str(&self) -> &str;
}

macro_rules! as_str {
    ($($ty:ty),*) => {$(
        impl AsStr for $ty {
            #[inline]
            fn as_str(&self) -> &str {
                self
            }
        }
    )*};
}
as_str!(str, String, Cow<'_, str>, Box<str>, Rc<str>, Arc<str>);

impl<T: AsStr + ?Sized> AsStr for &T {
    #[inline]
    fn as_str(&self) -> &str {
        (**self).as_str()
    }
}

/// A value with a length: the characters of a string, the elements of a collection. What
/// [`length`](super::length), [`length_bytes`](super::length_bytes) and
/// [`non_empty`](super::non_empty) measure.
///
/// Implementations must keep `byte_length() / 4 <= length() <= byte_length()`, as UTF-8 text
/// does (and a collection, whose two lengths are both its element count): the rules decide from
/// `byte_length`, which is free, whenever it settles the question, and count characters only
/// when it does not.
///
/// ```
/// use pact_core::validation::rules::HasLength;
///
/// assert_eq!("héllo".length(), 5);
/// assert_eq!("héllo".byte_length(), 6);
/// assert_eq!(vec![1, 2, 3].length(), 3);
/// assert_eq!(vec![1, 2, 3].byte_length(), 3);
/// ```
#[diagnostic::on_unimplemented(
    message = "`length` and `non_empty` do not apply to `{Self}`: they count the characters of a string or the elements of a collection",
    label = "`{Self}` has no length",
    note = "they apply to strings (`String`, `str`, `Cow<str>`, `Box<str>`, `Rc<str>`, `Arc<str>`) and collections (slices, arrays, `Vec`, `VecDeque`, maps and sets); bound a number with `range(min = .., max = ..)`"
)]
pub trait HasLength {
    /// The number of characters of a string, or of elements of a collection.
    ///
    /// ```
    /// use pact_core::validation::rules::HasLength;
    /// assert_eq!(String::from("👋🏽").length(), 2);
    /// ```
    fn length(&self) -> usize;

    /// The number of bytes of a string, or of elements of a collection.
    ///
    /// ```
    /// use pact_core::validation::rules::HasLength;
    /// assert_eq!(String::from("👋🏽").byte_length(), 8);
    /// ```
    fn byte_length(&self) -> usize;

    /// The plural noun for what [`length`](HasLength::length) counts, used in messages:
    /// `"characters"` for strings, `"items"` (the default) for collections.
    ///
    /// ```
    /// use pact_core::validation::rules::HasLength;
    /// assert_eq!("ada".length_unit(), "characters");
    /// assert_eq!([1, 2].length_unit(), "items");
    /// ```
    fn length_unit(&self) -> &'static str {
        "items"
    }
}

impl HasLength for str {
    #[inline]
    fn length(&self) -> usize {
        // An ASCII string has one character per byte.
        if self.is_ascii() {
            self.len()
        } else {
            self.chars().count()
        }
    }

    #[inline]
    fn byte_length(&self) -> usize {
        self.len()
    }

    fn length_unit(&self) -> &'static str {
        "characters"
    }
}

macro_rules! text_length {
    ($($ty:ty),*) => {$(
        impl HasLength for $ty {
            #[inline]
            fn length(&self) -> usize {
                str::length(self)
            }

            #[inline]
            fn byte_length(&self) -> usize {
                self.len()
            }

            fn length_unit(&self) -> &'static str {
                "characters"
            }
        }
    )*};
}
text_length!(String, Cow<'_, str>, Box<str>, Rc<str>, Arc<str>);

macro_rules! collection_length {
    ($({$($generics:tt)*} $ty:ty),* $(,)?) => {$(
        impl<$($generics)*> HasLength for $ty {
            #[inline]
            fn length(&self) -> usize {
                self.len()
            }

            #[inline]
            fn byte_length(&self) -> usize {
                self.len()
            }
        }
    )*};
}
collection_length!(
    {T} [T],
    {T, const N: usize} [T; N],
    {T} Vec<T>,
    {T} VecDeque<T>,
    {K, V, S} HashMap<K, V, S>,
    {K, V} BTreeMap<K, V>,
    {T, S} HashSet<T, S>,
    {T} BTreeSet<T>,
);

impl<T: HasLength + ?Sized> HasLength for &T {
    #[inline]
    fn length(&self) -> usize {
        (**self).length()
    }

    #[inline]
    fn byte_length(&self) -> usize {
        (**self).byte_length()
    }

    fn length_unit(&self) -> &'static str {
        (**self).length_unit()
    }
}

/// A value that [`range`](super::range) and [`one_of`](super::one_of) report in an error's
/// `params`: numbers as JSON numbers (non-finite floats as the strings `"NaN"`, `"inf"` and
/// `"-inf"`, integers beyond 64 bits as strings), text as strings, `bool` as a boolean.
///
/// Called only when a rule fails. Implement it for your own types (dates, money) to use them
/// with `range` and `one_of`.
///
/// ```
/// use pact_core::validation::rules::ToParam;
/// use serde_json::json;
///
/// assert_eq!(18_u8.to_param(), json!(18));
/// assert_eq!(0.5_f32.to_param(), json!(0.5));
/// assert_eq!(f64::NAN.to_param(), json!("NaN"));
/// assert_eq!("asc".to_param(), json!("asc"));
///
/// struct Day(u32);
/// impl ToParam for Day {
///     fn to_param(&self) -> serde_json::Value {
///         json!(format!("day {}", self.0))
///     }
/// }
/// assert_eq!(Day(3).to_param(), json!("day 3"));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be reported in a rule's params",
    label = "`{Self}` does not implement `ToParam`",
    note = "`range` and `one_of` report their bounds and allowed values as JSON; numbers, strings, `char` and `bool` implement `ToParam`; implement it for `{Self}` to use these rules with it"
)]
pub trait ToParam {
    /// The value as JSON.
    ///
    /// ```
    /// use pact_core::validation::rules::ToParam;
    /// assert_eq!(true.to_param(), serde_json::Value::Bool(true));
    /// ```
    fn to_param(&self) -> Value;
}

macro_rules! integer_param {
    ($($ty:ty),*) => {$(
        impl ToParam for $ty {
            fn to_param(&self) -> Value {
                Value::from(*self)
            }
        }
    )*};
}
integer_param!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

macro_rules! wide_integer_param {
    ($($ty:ty),*) => {$(
        impl ToParam for $ty {
            fn to_param(&self) -> Value {
                if let Ok(small) = i64::try_from(*self) {
                    Value::from(small)
                } else if let Ok(small) = u64::try_from(*self) {
                    Value::from(small)
                } else {
                    Value::String(self.to_string())
                }
            }
        }
    )*};
}
wide_integer_param!(i128, u128);

impl ToParam for f64 {
    fn to_param(&self) -> Value {
        serde_json::Number::from_f64(*self)
            .map_or_else(|| Value::String(self.to_string()), Value::Number)
    }
}

impl ToParam for f32 {
    // The shortest decimal that reads back as this `f32` (`0.1`, not `0.10000000149011612`).
    fn to_param(&self) -> Value {
        if self.is_finite() {
            // Every finite f32's shortest decimal form parses as a finite f64.
            if let Ok(wide) = self.to_string().parse::<f64>() {
                return wide.to_param();
            }
        }
        Value::String(self.to_string())
    }
}

macro_rules! text_param {
    ($($ty:ty),*) => {$(
        impl ToParam for $ty {
            fn to_param(&self) -> Value {
                Value::String(self.to_string())
            }
        }
    )*};
}
text_param!(str, String, Cow<'_, str>, Box<str>, Rc<str>, Arc<str>, char);

impl ToParam for bool {
    fn to_param(&self) -> Value {
        Value::Bool(*self)
    }
}

impl<T: ToParam + ?Sized> ToParam for &T {
    fn to_param(&self) -> Value {
        (**self).to_param()
    }
}
