//! [`Value`]: stored bytes, and the value once decoded from them. An in-process store hands
//! the same `Value` to every hit, so the bytes are decoded once and later hits clone the
//! decoded value; a store that reads bytes from elsewhere (Redis) makes a new `Value` per read.

use std::any::Any;
use std::sync::{Arc, OnceLock};

use serde::de::DeserializeOwned;

use super::codec;

/// The bytes under a key (postcard), with the value decoded from them kept beside them once a
/// read has decoded them. Clones share both.
///
/// ```
/// # #[cfg(feature = "cache")] {
/// let value = pact_core::repository::cache::Value::new(vec![1, 2]);
/// assert_eq!(value.bytes(), &[1, 2][..]);
/// # }
/// ```
#[derive(Clone)]
pub struct Value(Arc<Inner>);

struct Inner {
    bytes: Box<[u8]>,
    decoded: OnceLock<Box<dyn Any + Send + Sync>>,
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Value")
            .field("bytes", &self.0.bytes.len())
            .field("decoded", &self.0.decoded.get().is_some())
            .finish()
    }
}

impl Value {
    /// A value of these bytes, not decoded yet.
    #[must_use]
    pub fn new(bytes: impl Into<Box<[u8]>>) -> Self {
        Self(Arc::new(Inner {
            bytes: bytes.into(),
            decoded: OnceLock::new(),
        }))
    }

    /// The stored bytes.
    #[must_use]
    pub fn bytes(&self) -> &[u8] {
        &self.0.bytes
    }

    /// The bytes as a `T`: a clone of the value decoded by an earlier read, or decoded now
    /// (and kept for the next read). `None` when they do not decode to a `T` exactly.
    pub(crate) fn decode<T: DeserializeOwned + Clone + Send + Sync + 'static>(&self) -> Option<T> {
        if let Some(value) = self.0.decoded.get().and_then(|any| any.downcast_ref::<T>()) {
            return Some(value.clone());
        }
        let value = codec::decode::<T>(&self.0.bytes)?;
        // Another reader may have set it first (to the same value); either is kept.
        let _ = self.0.decoded.set(Box::new(value.clone()));
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_once_and_refuses_other_types() {
        let value = Value::new(codec::encode(&(7_i64, String::from("ada"))).unwrap());
        assert_eq!(value.decode::<(i64, String)>(), Some((7, "ada".into())));
        assert!(value.0.decoded.get().is_some());
        // The kept value answers the next read, a clone of it.
        assert_eq!(
            value.clone().decode::<(i64, String)>(),
            Some((7, "ada".into()))
        );
        // Another type is decoded from the bytes (and refused when they do not fit it).
        assert_eq!(value.decode::<(i64, String, bool)>(), None);
        assert_eq!(Value::new(vec![0xff, 0xff]).decode::<(i64, String)>(), None);
    }
}
