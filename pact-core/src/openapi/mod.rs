//! OpenAPI documents from the derives (the `openapi` feature, on utoipa 6).
//!
//! - `#[derive(Dto)]` implements `utoipa::ToSchema`: member names as serde reads them, `required`
//!   from `Option` and `#[serde(default)]`, doc comments as descriptions, and each
//!   `#[validate(...)]` rule as its JSON Schema keyword (`length` → `minLength`/`maxLength` or
//!   `minItems`/`maxItems`, `range` → `minimum`/`maximum`, `pattern`, `email` → `format`, ...).
//!   A rule no keyword expresses (`custom`, `must_match`, `schema`, `length(.., bytes)`) is
//!   listed in the description and in the `x-pact-rules` extension.
//! - `#[derive(ApiError)]` implements `utoipa::IntoResponses`: one `application/problem+json`
//!   response per status, with an example per `code`; every 5xx becomes one generic `500`.
//! - [`ValidationErrors`](crate::ValidationErrors) documents its 422,
//!   [`RepoError`](crate::RepoError) its 400/404/409/413/422/503/500, [`Page<T>`](crate::Page) has a schema,
//!   and [`PageRequest`](crate::PageRequest) (or [`PageParams<E>`] for an entity) is `IntoParams`.
//!
//! - [`Rejection`](crate::Rejection) documents what the `Valid<...>` extractors answer before a
//!   handler runs (400, 413, 415, 422); [`Merged<(A, B)>`](Merged) lists several types'
//!   responses without one replacing another's on a shared status.
//!
//! The responses refer to the `ProblemDetails` and `FieldError` schemas: add them to the
//! document with [`ProblemSchemas`].
//!
//! ```
//! use pact_core::ProblemDetails;
//! use pact_core::openapi::ProblemSchemas;
//! use utoipa::{IntoResponses, Modify};
//!
//! let mut api = utoipa::openapi::OpenApi::default();
//! ProblemSchemas.modify(&mut api);
//! let json = serde_json::to_value(&api).unwrap();
//! assert_eq!(json["components"]["schemas"]["ProblemDetails"]["required"][0], "title");
//!
//! let responses = serde_json::to_value(pact_core::ValidationErrors::responses()).unwrap();
//! assert!(responses["422"]["content"]["application/problem+json"].is_object());
//! ```

#[doc(hidden)]
pub mod build;
mod cursor;
mod impls;
mod merged;
#[doc(hidden)]
pub mod problem;
#[cfg(test)]
mod tests;

pub use cursor::CursorParams;
pub use impls::PageParams;
pub use merged::Merged;
#[doc(hidden)]
pub use problem::Responses;

use utoipa::openapi::OpenApi;
use utoipa::{Modify, PartialSchema, ToSchema};

use crate::{FieldError, ProblemDetails};

/// Adds the `ProblemDetails` and `FieldError` schemas, which every problem response refers
/// to, to a document: `#[openapi(modifiers(&ProblemSchemas))]`, or `ProblemSchemas.modify(&mut
/// api)` on the document an `OpenApiRouter` built.
///
/// ```
/// use pact_core::openapi::ProblemSchemas;
/// use utoipa::Modify;
///
/// let mut api = utoipa::openapi::OpenApi::default();
/// ProblemSchemas.modify(&mut api);
/// let schemas = &api.components.as_ref().unwrap().schemas;
/// assert!(schemas.contains_key("ProblemDetails") && schemas.contains_key("FieldError"));
/// ```
pub struct ProblemSchemas;

impl Modify for ProblemSchemas {
    fn modify(&self, openapi: &mut OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        for (name, schema) in [
            (ProblemDetails::name(), ProblemDetails::schema()),
            (FieldError::name(), FieldError::schema()),
        ] {
            components
                .schemas
                .entry(name.into_owned())
                .or_insert(schema);
        }
    }
}
