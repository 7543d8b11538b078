//! [`Merged`]: the responses of several types as one list, merged per status.

use std::marker::PhantomData;

use utoipa::IntoResponses;

use super::problem::{ResponseMap, Responses};

/// The responses of every type in the tuple, merged per status: a status two types answer
/// keeps both types' examples.
///
/// utoipa's `responses(A, B)` inserts each type's map in turn, so when `A` and `B` share a
/// status (a handler's error enum and [`Rejection`](crate::Rejection) both answer 400 and 422)
/// the last one replaces the first. `responses(Merged<(A, B)>)` documents both.
///
/// ```
/// use pact_core::openapi::Merged;
/// use pact_core::{Rejection, RepoError};
/// use utoipa::IntoResponses;
///
/// let responses = serde_json::to_value(Merged::<(Rejection, RepoError)>::responses()).unwrap();
/// let examples = &responses["400"]["content"]["application/problem+json"]["examples"];
/// assert!(examples["malformed_request"].is_object()); // Rejection's 400
/// assert!(examples["invalid_sort"].is_object()); // and RepoError's
/// assert!(responses["415"].is_object() && responses["404"].is_object());
/// ```
pub struct Merged<T>(PhantomData<T>);

macro_rules! merged {
    ($($name:ident),+) => {
        impl<$($name: IntoResponses),+> IntoResponses for Merged<($($name,)+)> {
            fn responses() -> ResponseMap {
                let mut responses = Responses::new();
                $(responses.extend($name::responses());)+
                responses.build()
            }
        }
    };
}

merged!(A);
merged!(A, B);
merged!(A, B, C);
merged!(A, B, C, D);
merged!(A, B, C, D, E);
merged!(A, B, C, D, E, F);
