//! `ValidWith<..., C>` extractors for axum: `Valid<...>` for types validated with a context
//! (`#[validate(context = C)]`), the context taken from the router state.

use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};

use axum::Json;
use axum::extract::{Form, FromRef, FromRequest, FromRequestParts, Query, Request};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use super::axum_valid::Valid;
use crate::Rejection;
use crate::integrations::accept_with;
use crate::validation::{Normalize, ValidateWith};

/// [`Valid`] for a type validated with a context `C`: the value is deserialized by the wrapped
/// extractor (`Json`, `Query` or `Form`), [normalized](Normalize::normalize), then
/// [validated with](ValidateWith::validate_with) the `C` that the router state provides
/// through [`FromRef`] (the state itself, or a part of it).
///
/// Every refusal is the same [`Rejection`] as [`Valid`]'s (400, 413, 415, 422). `FromRef`
/// clones the context out of the state for each request, so keep it cheap to clone (large
/// data behind an `Arc` inside it). `C` is the type the DTO declares with
/// `#[validate(context = C)]`; a DTO without a context is validated with any `C`.
///
/// ```
/// use axum::{Json, Router, extract::{FromRef, FromRequest}, routing::post};
/// use pact_core::axum::ValidWith;
/// use pact_core::validation::{Normalize, Path, RuleError, ValidateWith, ValidationErrors};
/// use pact_core::{ApiError, Rejection};
///
/// /// The context the rules need: here, today's date as a day number.
/// #[derive(Clone, Copy)]
/// struct Today(u32);
///
/// #[derive(Clone)]
/// struct AppState {
///     today: Today,
/// }
///
/// impl FromRef<AppState> for Today {
///     fn from_ref(state: &AppState) -> Self {
///         state.today
///     }
/// }
///
/// #[derive(Debug, serde::Deserialize)]
/// struct Booking {
///     day: u32,
/// }
///
/// impl Normalize for Booking {
///     fn normalize(&mut self) {}
/// }
///
/// // What `#[derive(Dto)] #[validate(context = Today)]` implements.
/// impl ValidateWith<Today> for Booking {
///     fn validate_into(&self, today: &Today, path: &Path<'_>, errors: &mut ValidationErrors) {
///         if self.day < today.0 {
///             errors.push(&path.field("day"), RuleError::new("past", "must not be in the past"));
///         }
///     }
/// }
///
/// async fn book(booking: ValidWith<Json<Booking>, Today>) -> String {
///     booking.day.to_string()
/// }
///
/// let state = AppState { today: Today(10) };
/// let app: Router = Router::new().route("/bookings", post(book)).with_state(state.clone());
///
/// // What the router does with a request:
/// let request = |body: &'static str| {
///     axum::http::Request::post("/bookings")
///         .header("content-type", "application/json")
///         .body(axum::body::Body::from(body))
///         .unwrap()
/// };
/// let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
/// let extract = |body| {
///     runtime.block_on(ValidWith::<Json<Booking>, Today>::from_request(request(body), &state))
/// };
///
/// assert_eq!(extract(r#"{"day": 12}"#).unwrap().day, 12);
/// let refused = extract(r#"{"day": 3}"#).unwrap_err();
/// assert_eq!(refused.status().as_u16(), 422);
/// let Rejection::Invalid(errors) = refused else { unreachable!() };
/// assert_eq!(errors.errors()[0].path, "day");
/// ```
pub struct ValidWith<E, C>(pub E, pub PhantomData<fn() -> C>);

impl<E, C> ValidWith<E, C> {
    /// The validated value inside its framework wrapper, as [`Valid`] holds it.
    #[must_use]
    pub fn into_valid(self) -> Valid<E> {
        Valid(self.0)
    }
}

impl<E: std::fmt::Debug, C> std::fmt::Debug for ValidWith<E, C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("ValidWith").field(&self.0).finish()
    }
}

impl<S, T, C> FromRequest<S> for ValidWith<Json<T>, C>
where
    T: DeserializeOwned + Normalize + ValidateWith<C>,
    C: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let Json(value) = Json::<T>::from_request(request, state)
            .await
            .map_err(super::axum_valid::json_rejection)?;
        accept_with(value, &C::from_ref(state)).map(|value| Self(Json(value), PhantomData))
    }
}

impl<S, T, C> FromRequestParts<S> for ValidWith<Query<T>, C>
where
    T: DeserializeOwned + Normalize + ValidateWith<C>,
    C: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Query(value) = Query::<T>::from_request_parts(parts, state)
            .await
            .map_err(|rejection| super::axum_valid::query_rejection(&rejection))?;
        accept_with(value, &C::from_ref(state)).map(|value| Self(Query(value), PhantomData))
    }
}

impl<S, T, C> FromRequest<S> for ValidWith<Form<T>, C>
where
    T: DeserializeOwned + Normalize + ValidateWith<C>,
    C: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let Form(value) = Form::<T>::from_request(request, state)
            .await
            .map_err(super::axum_valid::form_rejection)?;
        accept_with(value, &C::from_ref(state)).map(|value| Self(Form(value), PhantomData))
    }
}

// `into_inner`, `Deref` and `DerefMut` reach the value `T` itself, as for `Valid`.
macro_rules! wrapper {
    ($wrapper:ident) => {
        impl<T, C> ValidWith<$wrapper<T>, C> {
            /// The validated value.
            #[must_use]
            pub fn into_inner(self) -> T {
                self.0.0
            }
        }

        impl<T, C> Deref for ValidWith<$wrapper<T>, C> {
            type Target = T;

            fn deref(&self) -> &T {
                &self.0.0
            }
        }

        impl<T, C> DerefMut for ValidWith<$wrapper<T>, C> {
            fn deref_mut(&mut self) -> &mut T {
                &mut self.0.0
            }
        }
    };
}

wrapper!(Json);
wrapper!(Query);
wrapper!(Form);
