//! How cached values are stored: postcard (serde, compact, no field names in the bytes). A
//! value that does not decode, or decodes with bytes left over, is a miss, never an error:
//! the schema hash in every key keeps another struct's bytes out, and this catches the rest.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// The bytes of `value`, or `None` (logged) when serde refuses it.
pub(crate) fn encode<T: Serialize + ?Sized>(value: &T) -> Option<Vec<u8>> {
    match postcard::to_allocvec(value) {
        Ok(bytes) => Some(bytes),
        Err(err) => {
            tracing::warn!(error = %err, "a value could not be encoded for the cache; it is not cached");
            None
        }
    }
}

/// The value in `bytes`, or `None` (logged) when they do not decode to a `T` exactly.
pub(crate) fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    match postcard::take_from_bytes::<T>(bytes) {
        Ok((value, [])) => Some(value),
        Ok(_) => {
            tracing::warn!("a cached value has trailing bytes; read as a miss");
            None
        }
        Err(err) => {
            tracing::warn!(error = %err, "a cached value does not decode; read as a miss");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct V1 {
        id: i64,
        name: String,
    }

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct V2 {
        id: i64,
        name: String,
        score: f64,
    }

    #[test]
    fn round_trips_and_refuses_other_shapes() {
        let bytes = encode(&V1 {
            id: 7,
            name: "ada".into(),
        })
        .unwrap();
        assert_eq!(
            decode::<V1>(&bytes),
            Some(V1 {
                id: 7,
                name: "ada".into()
            })
        );
        // A struct with another field never decodes the old bytes into a wrong value.
        assert_eq!(decode::<V2>(&bytes), None);
        // Bytes left over are refused too.
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode::<V1>(&longer), None);
        assert_eq!(decode::<V1>(&[0xff, 0xff]), None);
    }
}
