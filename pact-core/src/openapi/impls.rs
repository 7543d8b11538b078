//! The OpenAPI side of pact-core's own types: the responses of [`Rejection`],
//! [`ValidationErrors`] and [`RepoError`], the schema of [`Page`], the query parameters of
//! [`PageRequest`].

use std::marker::PhantomData;

use utoipa::openapi::RefOr;
use utoipa::openapi::Required;
use utoipa::openapi::path::{Parameter, ParameterIn};
use utoipa::openapi::schema::{Object, Schema, Type};
use utoipa::{IntoParams, IntoResponses, ToSchema};

use super::build::{self, SchemaRef};
use super::problem::{ResponseMap, Responses};
use crate::repository::{Entity, Page, PageRequest, RepoError};
use crate::{Rejection, ValidationErrors};

impl IntoResponses for ValidationErrors {
    fn responses() -> ResponseMap {
        let mut responses = Responses::new();
        responses.validation_failed();
        responses.build()
    }
}

/// What the `Valid<...>` and `ValidWith<...>` extractors answer before the handler runs: 400
/// (`malformed_request`), 413, 415, the 422 of [`ValidationErrors`], and the generic 500 of a
/// missing validation context. List it in a handler's `responses(...)` beside its own errors.
///
/// ```
/// use utoipa::IntoResponses as _;
///
/// let responses = pact_core::Rejection::responses();
/// let statuses: Vec<&str> = responses.keys().map(String::as_str).collect();
/// assert_eq!(statuses, ["400", "413", "415", "422", "500"]);
/// ```
impl IntoResponses for Rejection {
    fn responses() -> ResponseMap {
        let mut responses = Responses::new();
        responses.add(400, "malformed_request", None, None, None);
        responses.add(
            413,
            "payload_too_large",
            None,
            None,
            Some("The request body is larger than this endpoint accepts."),
        );
        responses.add(
            415,
            "unsupported_media_type",
            None,
            None,
            Some("Expected a request body of type `application/json`."),
        );
        responses.validation_failed();
        responses.server_error();
        responses.build()
    }
}

impl IntoResponses for RepoError {
    fn responses() -> ResponseMap {
        let mut responses = Responses::new();
        responses.add(400, "invalid_sort", None, None, None);
        responses.add(400, "invalid_cursor", None, None, None);
        responses.add(404, "not_found", None, None, None);
        responses.add(409, "conflict", None, None, None);
        responses.add(409, "version_conflict", None, None, None);
        responses.add(413, "too_large", None, None, None);
        responses.add(422, "invalid_value", None, None, None);
        responses.busy();
        responses.server_error();
        responses.build()
    }
}

// `PartialSchema` comes from utoipa's blanket impl over `ComposeSchema`, which is also what its
// `#[utoipa::path]` calls for a generic body such as `Page<User>` (passing `User`'s schema).
impl<T: ToSchema> utoipa::__dev::ComposeSchema for Page<T> {
    fn compose(generics: Vec<SchemaRef>) -> SchemaRef {
        let item = generics
            .into_iter()
            .next()
            .unwrap_or_else(build::reference::<T>);
        let mut object = build::ObjectSchema::new();
        let mut items = build::array(item, false, None);
        build::describe(&mut items, "The rows of this page.");
        object.property("items", true, items);
        object.property("total", true, integer("How many rows match in all.", None));
        object.property(
            "offset",
            true,
            integer("The offset this page starts at.", None),
        );
        object.property(
            "limit",
            true,
            integer("The limit that was applied (after clamping).", None),
        );
        object.build(
            Some("One page of rows and the total number of rows that match."),
            &[],
        )
    }
}

impl<T: ToSchema> ToSchema for Page<T> {
    fn name() -> std::borrow::Cow<'static, str> {
        // utoipa appends the generic arguments: `Page_User`.
        build::name("Page")
    }

    fn schemas(schemas: &mut Vec<(String, SchemaRef)>) {
        build::collect::<T>(schemas);
    }
}

fn integer(description: &str, maximum: Option<u32>) -> SchemaRef {
    let mut object = Object::with_type(Type::Integer);
    object.description = Some(description.to_owned());
    object.minimum = Some(0.into());
    object.maximum = maximum.map(|max| (max as usize).into());
    RefOr::T(Schema::Object(object))
}

fn params(
    max: Option<u32>,
    sortable: Option<Vec<String>>,
    at: Option<ParameterIn>,
) -> Vec<Parameter> {
    let at = at.unwrap_or(ParameterIn::Query);
    let param = |name: &str, description: &str, schema: SchemaRef| {
        let mut param = Parameter::new(name);
        param.parameter_in = at.clone();
        param.required = Required::False;
        param.description = Some(description.to_owned());
        param.schema = Some(schema);
        param
    };
    let mut offset = integer("How many rows to skip.", None);
    let mut limit = integer(
        "How many rows to return at most (larger values are clamped).",
        max,
    );
    for (schema, default) in [(&mut offset, 0), (&mut limit, PageRequest::DEFAULT_LIMIT)] {
        if let RefOr::T(Schema::Object(object)) = schema {
            object.default = Some(default.into());
        }
    }
    let mut sort = build::string(None);
    if let RefOr::T(Schema::Object(object)) = &mut sort {
        match sortable {
            Some(keys) => {
                object.enum_values = Some(
                    keys.iter()
                        .flat_map(|key| [key.clone(), format!("-{key}")])
                        .map(Into::into)
                        .collect(),
                );
            }
            None => object.pattern = Some("^-?[A-Za-z_][A-Za-z0-9_]*$".to_owned()),
        }
    }
    vec![
        param("offset", "How many rows to skip.", offset),
        param("limit", "How many rows to return at most.", limit),
        param(
            "sort",
            "The sort key, `-` first for descending order (`-email`); by id when absent.",
            sort,
        ),
    ]
}

impl IntoParams for PageRequest {
    fn into_params(parameter_in_provider: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        params(None, None, parameter_in_provider())
    }
}

/// The query parameters of a [`PageRequest`] for the entity `E`: `limit` with its
/// `MAX_PAGE_SIZE` as maximum, `sort` with its sortable fields as an enum.
///
/// ```
/// use pact_core::openapi::PageParams;
/// use utoipa::IntoParams;
/// # use pact_core::repository::{Column, Dialect, Entity, RepoError, Statements};
/// # #[derive(Clone)] struct User { id: i64 }
/// # const S: Statements = Statements { create_table: &[], drop_table: "", select_by_id: "", select_all: "",
/// #     select_page: "", count: "", exists: "", insert: "", update: "", delete_by_id: "", finders: &[],
/// #     live: None, soft_delete: None, upserts: &[] };
/// # impl Entity for User {
/// #     type Id = i64;
/// #     type IdBound = i64;
/// #     type IdArg<'a> = i64;
/// #     type Value<'a> = std::convert::Infallible;
/// #     const NAME: &'static str = "User";
/// #     const TABLE: &'static str = "users";
/// #     const MAX_PAGE_SIZE: u32 = 50;
/// #     const COLUMNS: &'static [Column] = &[Column::new("id", "id").id().generated().ordered::<i64>(), Column::new("email", "email").sortable()];
/// #     fn id(&self) -> &i64 { &self.id }
/// #     fn set_generated_id(&mut self, id: i64) -> Result<(), RepoError> { self.id = id; Ok(()) }
/// #     fn statements(_: Dialect) -> &'static Statements { &S }
/// #     fn field(&self, c: usize) -> &dyn std::any::Any { match c { 0 => &self.id, _ => &() } }
/// #     fn value_field<'v>(v: &'v Self::Value<'_>) -> (usize, pact_core::repository::FieldArg<'v>) { match *v {} }
/// #     type Row = (i64,);
/// #     const INSERT_COLUMNS: &'static [usize] = &[];
/// #     const UPDATE_COLUMNS: &'static [usize] = &[0];
/// #     fn from_row((id,): Self::Row) -> Self { User { id } }
/// #     type Dyn = dyn pact_core::repository::Backend<Self>;
/// #     fn into_dyn<R: pact_core::repository::Backend<Self> + 'static>(r: R) -> std::sync::Arc<Self::Dyn> { std::sync::Arc::new(r) }
/// # }
/// let params = PageParams::<User>::into_params(|| None);
/// let sort = serde_json::to_value(&params[2]).unwrap();
/// assert_eq!(sort["schema"]["enum"], serde_json::json!(["id", "-id", "email", "-email"]));
/// let limit = serde_json::to_value(&params[1]).unwrap();
/// assert_eq!(limit["schema"]["maximum"], 50);
/// ```
pub struct PageParams<E>(PhantomData<E>);

impl<E: Entity> IntoParams for PageParams<E> {
    fn into_params(parameter_in_provider: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        let sortable = E::COLUMNS
            .iter()
            .filter(|column| column.sortable)
            .map(|column| column.field.to_owned())
            .collect();
        params(
            Some(E::MAX_PAGE_SIZE),
            Some(sortable),
            parameter_in_provider(),
        )
    }
}
