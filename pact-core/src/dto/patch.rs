//! [`Patch<T>`]: a member of a PATCH body that can be absent, `null`, or a value.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

/// A member of a PATCH request body for a nullable column: absent (keep the stored value),
/// `null` (clear it), or a value (set it).
///
/// `Option<T>` cannot tell "absent" from `null`; `Patch<T>` can. Write `#[serde(default)]` on
/// the field (or on the struct): an absent member then stays [`Patch::Absent`], while `null`
/// becomes [`Patch::Null`]. Without it serde reads an absent member as `null`, so
/// `#[derive(Dto)]` rejects a `Patch` field that lacks it. This is the approach of
/// `serde_with::rust::double_option`, in a type of its own.
///
/// ```
/// use pact_core::Patch;
///
/// #[derive(serde::Deserialize)]
/// struct UpdateProfile {
///     #[serde(default)]
///     nickname: Patch<String>,
/// }
///
/// let absent: UpdateProfile = serde_json::from_str("{}").unwrap();
/// let null: UpdateProfile = serde_json::from_str(r#"{"nickname": null}"#).unwrap();
/// let value: UpdateProfile = serde_json::from_str(r#"{"nickname": "ada"}"#).unwrap();
/// assert_eq!(absent.nickname, Patch::Absent);
/// assert_eq!(null.nickname, Patch::Null);
/// assert_eq!(value.nickname, Patch::Value("ada".to_owned()));
/// ```
///
/// Serialized, `Absent` and `Null` both write `null`; skip absent members with
/// `#[serde(skip_serializing_if = "Patch::is_absent")]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Patch<T> {
    /// The member was not sent: keep the stored value.
    #[default]
    Absent,
    /// The member was `null`: clear the stored value.
    Null,
    /// The member's value: store it.
    Value(T),
}

impl<T> Patch<T> {
    /// Whether the member was not sent.
    ///
    /// ```
    /// use pact_core::Patch;
    /// assert!(Patch::<u8>::Absent.is_absent());
    /// assert!(!Patch::<u8>::Null.is_absent());
    /// ```
    #[must_use]
    pub const fn is_absent(&self) -> bool {
        matches!(self, Self::Absent)
    }

    /// Whether the member was `null`.
    ///
    /// ```
    /// use pact_core::Patch;
    /// assert!(Patch::<u8>::Null.is_null());
    /// assert!(!Patch::Value(1).is_null());
    /// ```
    #[must_use]
    pub const fn is_null(&self) -> bool {
        matches!(self, Self::Null)
    }

    /// Whether the member was sent, as `null` or as a value.
    ///
    /// ```
    /// use pact_core::Patch;
    /// assert!(Patch::<u8>::Null.is_present());
    /// assert!(Patch::Value(1).is_present());
    /// assert!(!Patch::<u8>::Absent.is_present());
    /// ```
    #[must_use]
    pub const fn is_present(&self) -> bool {
        !self.is_absent()
    }

    /// A patch of a reference to the value.
    ///
    /// ```
    /// use pact_core::Patch;
    /// let name = Patch::Value(String::from("ada"));
    /// assert_eq!(name.as_ref().map(|s| s.len()), Patch::Value(3));
    /// ```
    #[must_use]
    pub const fn as_ref(&self) -> Patch<&T> {
        match self {
            Self::Absent => Patch::Absent,
            Self::Null => Patch::Null,
            Self::Value(value) => Patch::Value(value),
        }
    }

    /// A patch of a mutable reference to the value.
    ///
    /// ```
    /// use pact_core::Patch;
    /// let mut name = Patch::Value(String::from("ada"));
    /// if let Patch::Value(text) = name.as_mut() {
    ///     text.make_ascii_uppercase();
    /// }
    /// assert_eq!(name, Patch::Value("ADA".to_owned()));
    /// ```
    pub const fn as_mut(&mut self) -> Patch<&mut T> {
        match self {
            Self::Absent => Patch::Absent,
            Self::Null => Patch::Null,
            Self::Value(value) => Patch::Value(value),
        }
    }

    /// Converts the value, keeping `Absent` and `Null`.
    ///
    /// ```
    /// use pact_core::Patch;
    /// assert_eq!(Patch::Value(2).map(|n| n * 10), Patch::Value(20));
    /// assert_eq!(Patch::<u8>::Null.map(|n| n * 10), Patch::Null);
    /// ```
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Patch<U> {
        match self {
            Self::Absent => Patch::Absent,
            Self::Null => Patch::Null,
            Self::Value(value) => Patch::Value(f(value)),
        }
    }

    /// `None` when absent, `Some(None)` when `null`, `Some(Some(value))` for a value: the new
    /// content of a nullable column, if there is one.
    ///
    /// ```
    /// use pact_core::Patch;
    /// assert_eq!(Patch::<u8>::Absent.into_option(), None);
    /// assert_eq!(Patch::<u8>::Null.into_option(), Some(None));
    /// assert_eq!(Patch::Value(7).into_option(), Some(Some(7)));
    /// ```
    #[must_use]
    pub fn into_option(self) -> Option<Option<T>> {
        match self {
            Self::Absent => None,
            Self::Null => Some(None),
            Self::Value(value) => Some(Some(value)),
        }
    }

    /// The value, if the member holds one.
    ///
    /// ```
    /// use pact_core::Patch;
    /// assert_eq!(Patch::Value(7).value(), Some(7));
    /// assert_eq!(Patch::<u8>::Null.value(), None);
    /// ```
    #[must_use]
    pub fn value(self) -> Option<T> {
        match self {
            Self::Value(value) => Some(value),
            Self::Absent | Self::Null => None,
        }
    }

    /// Applies the patch to a nullable place; returns whether it was written (present).
    ///
    /// ```
    /// use pact_core::Patch;
    /// let mut nickname = Some(String::from("ada"));
    /// assert!(!Patch::<String>::Absent.apply_to(&mut nickname));
    /// assert_eq!(nickname.as_deref(), Some("ada"));
    /// assert!(Patch::<String>::Null.apply_to(&mut nickname));
    /// assert_eq!(nickname, None);
    /// ```
    pub fn apply_to(self, place: &mut Option<T>) -> bool {
        match self {
            Self::Absent => false,
            Self::Null => {
                *place = None;
                true
            }
            Self::Value(value) => {
                *place = Some(value);
                true
            }
        }
    }
}

impl<T> From<Option<Option<T>>> for Patch<T> {
    /// `None` is absent, `Some(None)` is `null`.
    fn from(value: Option<Option<T>>) -> Self {
        match value {
            None => Self::Absent,
            Some(None) => Self::Null,
            Some(Some(value)) => Self::Value(value),
        }
    }
}

impl<T> From<Patch<T>> for Option<Option<T>> {
    fn from(patch: Patch<T>) -> Self {
        patch.into_option()
    }
}

impl<T: Serialize> Serialize for Patch<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Absent | Self::Null => serializer.serialize_none(),
            Self::Value(value) => serializer.serialize_some(value),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Patch<T> {
    /// `null` is [`Patch::Null`], anything else a [`Patch::Value`]; an absent member is
    /// [`Patch::Absent`] through `#[serde(default)]`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PatchVisitor<T>(PhantomData<fn() -> T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for PatchVisitor<T> {
            type Value = Patch<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("null or a value")
            }

            fn visit_none<E: serde::de::Error>(self) -> Result<Patch<T>, E> {
                Ok(Patch::Null)
            }

            fn visit_unit<E: serde::de::Error>(self) -> Result<Patch<T>, E> {
                Ok(Patch::Null)
            }

            fn visit_some<D: Deserializer<'de>>(self, inner: D) -> Result<Patch<T>, D::Error> {
                T::deserialize(inner).map(Patch::Value)
            }
        }

        deserializer.deserialize_option(PatchVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::Patch;

    #[derive(serde::Deserialize, serde::Serialize, Debug, PartialEq)]
    struct Body {
        #[serde(default, skip_serializing_if = "Patch::is_absent")]
        name: Patch<String>,
        #[serde(default)]
        age: Patch<u8>,
    }

    #[test]
    fn absent_null_and_value_deserialize_apart() {
        let body: Body = serde_json::from_str(r#"{"age": null}"#).unwrap();
        assert_eq!(body.name, Patch::Absent);
        assert_eq!(body.age, Patch::Null);
        let body: Body = serde_json::from_str(r#"{"name": "ada", "age": 36}"#).unwrap();
        assert_eq!(body.name, Patch::Value("ada".to_owned()));
        assert_eq!(body.age, Patch::Value(36));
        assert!(serde_json::from_str::<Body>(r#"{"age": "x"}"#).is_err());
    }

    #[test]
    fn serializes_absent_as_skipped_and_null_as_null() {
        let body = Body {
            name: Patch::Absent,
            age: Patch::Null,
        };
        assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"age":null}"#);
        let body = Body {
            name: Patch::Value("ada".to_owned()),
            age: Patch::Value(3),
        };
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"name":"ada","age":3}"#
        );
    }

    #[test]
    fn converts_to_and_from_double_option() {
        for patch in [Patch::Absent, Patch::Null, Patch::Value(1)] {
            let option: Option<Option<i32>> = patch.into();
            assert_eq!(Patch::from(option), patch);
        }
    }
}
