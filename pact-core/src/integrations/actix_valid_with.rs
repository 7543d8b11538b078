//! `ValidWith<..., C>` extractors for actix-web: `Valid<...>` for types validated with a
//! context (`#[validate(context = C)]`), the context taken from `web::Data<C>` app data.

use std::future::{Ready, ready};
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};

use actix_web::dev::Payload;
use actix_web::web::{Data, Form, Json, Query};
use actix_web::{FromRequest, HttpRequest};
use serde::de::DeserializeOwned;

use super::actix_valid::{Extraction, Valid, form_rejection, json_rejection, query_rejection};
use crate::Rejection;
use crate::integrations::accept_with;
use crate::validation::{Normalize, ValidateWith};

/// [`Valid`] for a type validated with a context `C`: the value is deserialized by the wrapped
/// extractor (`web::Json`, `web::Query` or `web::Form`), [normalized](Normalize::normalize),
/// then [validated with](ValidateWith::validate_with) the `C` registered as app data with
/// `App::app_data(web::Data::new(context))`.
///
/// Every refusal is the same [`Rejection`] as [`Valid`]'s (400, 413, 415, 422). An app that
/// registered no `web::Data<C>` is misconfigured: the request is answered 500 with the generic
/// message ([`Rejection::MissingContext`]), and the type's name is logged.
///
/// ```
/// use actix_web::{App, FromRequest, test::TestRequest, web};
/// use pact_core::actix::ValidWith;
/// use pact_core::validation::{Normalize, Path, RuleError, ValidateWith, ValidationErrors};
/// use pact_core::{ApiError, Rejection};
///
/// /// The context the rules need: here, today's date as a day number.
/// struct Today(u32);
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
/// async fn book(booking: ValidWith<web::Json<Booking>, Today>) -> String {
///     booking.day.to_string()
/// }
///
/// let app = App::new()
///     .app_data(web::Data::new(Today(10)))
///     .route("/bookings", web::post().to(book));
///
/// // What the app does with a request:
/// let extract = |body: &'static str| {
///     let (request, mut payload) = TestRequest::post()
///         .app_data(web::Data::new(Today(10)))
///         .insert_header(("content-type", "application/json"))
///         .set_payload(body)
///         .to_http_parts();
///     ValidWith::<web::Json<Booking>, Today>::from_request(&request, &mut payload)
/// };
/// let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
///
/// assert_eq!(runtime.block_on(extract(r#"{"day": 12}"#)).unwrap().day, 12);
/// let refused = runtime.block_on(extract(r#"{"day": 3}"#)).unwrap_err();
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

/// The `web::Data<C>` of the app, or the 500 that says it is missing.
fn context<C: 'static>(request: &HttpRequest) -> Result<Data<C>, Rejection> {
    request
        .app_data::<Data<C>>()
        .cloned()
        .ok_or(Rejection::MissingContext {
            context: std::any::type_name::<C>(),
        })
}

impl<T, C> FromRequest for ValidWith<Json<T>, C>
where
    T: DeserializeOwned + Normalize + ValidateWith<C> + 'static,
    C: 'static,
{
    type Error = Rejection;
    type Future = Extraction<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let ctx = context::<C>(request);
        let extraction = Json::<T>::from_request(request, payload);
        Box::pin(async move {
            let ctx = ctx?;
            let Json(value) = extraction.await.map_err(|error| json_rejection(&error))?;
            accept_with(value, &*ctx).map(|value| Self(Json(value), PhantomData))
        })
    }
}

impl<T, C> FromRequest for ValidWith<Query<T>, C>
where
    T: DeserializeOwned + Normalize + ValidateWith<C>,
    C: 'static,
{
    type Error = Rejection;
    type Future = Ready<Result<Self, Rejection>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(context::<C>(request).and_then(|ctx| {
            Query::<T>::from_query(request.query_string())
                .map_err(|error| query_rejection(&error))
                .and_then(|Query(value)| accept_with(value, &*ctx))
                .map(|value| Self(Query(value), PhantomData))
        }))
    }
}

impl<T, C> FromRequest for ValidWith<Form<T>, C>
where
    T: DeserializeOwned + Normalize + ValidateWith<C> + 'static,
    C: 'static,
{
    type Error = Rejection;
    type Future = Extraction<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let ctx = context::<C>(request);
        let extraction = Form::<T>::from_request(request, payload);
        Box::pin(async move {
            let ctx = ctx?;
            let Form(value) = extraction.await.map_err(|error| form_rejection(&error))?;
            accept_with(value, &*ctx).map(|value| Self(Form(value), PhantomData))
        })
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
