//! The OpenAPI side of keyset pages: the schema of [`CursorPage`] and the query parameters
//! of [`CursorRequest`] ([`CursorParams`] for one entity).

use std::marker::PhantomData;

use utoipa::openapi::path::{Parameter, ParameterIn};
use utoipa::openapi::schema::{Object, Schema, Type};
use utoipa::openapi::{RefOr, Required};
use utoipa::{IntoParams, ToSchema};

use super::build::{self, SchemaRef};
use crate::repository::{CursorPage, CursorRequest, Keyset, MAX_CURSOR_LEN};

impl<T: ToSchema> utoipa::__dev::ComposeSchema for CursorPage<T> {
    fn compose(generics: Vec<SchemaRef>) -> SchemaRef {
        let item = generics
            .into_iter()
            .next()
            .unwrap_or_else(build::reference::<T>);
        let mut object = build::ObjectSchema::new();
        let mut items = build::array(item, false, None);
        build::describe(&mut items, "The rows of this page.");
        object.property("items", true, items);
        let mut next = build::nullable(cursor_schema());
        build::describe(
            &mut next,
            "The cursor of the next page (send it as `after`); `null` on the last page.",
        );
        object.property("next", true, next);
        object.build(
            Some("One keyset page of rows, and the cursor of the next page."),
            &[],
        )
    }
}

impl<T: ToSchema> ToSchema for CursorPage<T> {
    fn name() -> std::borrow::Cow<'static, str> {
        // utoipa appends the generic arguments: `CursorPage_User`.
        build::name("CursorPage")
    }

    fn schemas(schemas: &mut Vec<(String, SchemaRef)>) {
        build::collect::<T>(schemas);
    }
}

/// An opaque cursor: base64url without padding, at most `MAX_CURSOR_LEN` characters.
fn cursor_schema() -> SchemaRef {
    let mut object = Object::with_type(Type::String);
    object.pattern = Some("^[A-Za-z0-9_-]*$".to_owned());
    object.max_length = Some(MAX_CURSOR_LEN);
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
    let mut limit = Object::with_type(Type::Integer);
    limit.description =
        Some("How many rows to return at most (clamped to 1..=the maximum).".to_owned());
    limit.minimum = Some(1.into());
    limit.maximum = max.map(|max| (max as usize).into());
    limit.default = Some(CursorRequest::DEFAULT_LIMIT.into());
    let mut sort = Object::with_type(Type::String);
    match sortable {
        Some(keys) => {
            sort.enum_values = Some(
                keys.iter()
                    .flat_map(|key| [key.clone(), format!("-{key}")])
                    .map(Into::into)
                    .collect(),
            );
        }
        None => sort.pattern = Some("^-?[A-Za-z_][A-Za-z0-9_]*$".to_owned()),
    }
    vec![
        param(
            "after",
            "The `next` cursor of the previous page, with the same `sort`; the first page when absent. Another cursor is a 400 (`invalid_cursor`).",
            cursor_schema(),
        ),
        param(
            "limit",
            "How many rows to return at most.",
            RefOr::T(Schema::Object(limit)),
        ),
        param(
            "sort",
            "The sort key, `-` first for descending order (`-name`); ties and the default by id.",
            RefOr::T(Schema::Object(sort)),
        ),
    ]
}

impl IntoParams for CursorRequest {
    fn into_params(parameter_in_provider: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        params(None, None, parameter_in_provider())
    }
}

/// The query parameters of a [`CursorRequest`] for the entity `E`: `after`, `limit` with its
/// `MAX_PAGE_SIZE` as maximum, and `sort` with its keyset sort keys as an enum.
///
/// ```
/// use pact_core::openapi::CursorParams;
/// use utoipa::IntoParams;
/// # use pact_core::repository::{Column, Dialect, Entity, KeyCodec, RepoError, Statements};
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
/// #     const KEY_COLUMNS: &'static [usize] = &[0, 1];
/// #     const KEY_CODECS: &'static [KeyCodec] = &[KeyCodec::of::<i64>(), KeyCodec::of::<String>()];
/// #     type Dyn = dyn pact_core::repository::Backend<Self>;
/// #     fn into_dyn<R: pact_core::repository::Backend<Self> + 'static>(r: R) -> std::sync::Arc<Self::Dyn> { std::sync::Arc::new(r) }
/// # }
/// let params = CursorParams::<User>::into_params(|| None);
/// let names: Vec<_> = params.iter().map(|p| p.name.as_str()).collect();
/// assert_eq!(names, ["after", "limit", "sort"]);
/// let sort = serde_json::to_value(&params[2]).unwrap();
/// assert_eq!(sort["schema"]["enum"], serde_json::json!(["id", "-id", "email", "-email"]));
/// let limit = serde_json::to_value(&params[1]).unwrap();
/// assert_eq!((limit["schema"]["minimum"].as_u64(), limit["schema"]["maximum"].as_u64()), (Some(1), Some(50)));
/// ```
pub struct CursorParams<E>(PhantomData<E>);

impl<E: Keyset> IntoParams for CursorParams<E> {
    fn into_params(parameter_in_provider: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        let sortable = E::KEY_COLUMNS
            .iter()
            .map(|&column| E::COLUMNS[column].field.to_owned())
            .collect();
        params(
            Some(E::MAX_PAGE_SIZE),
            Some(sortable),
            parameter_in_provider(),
        )
    }
}

#[cfg(test)]
mod tests {
    use utoipa::{IntoParams, IntoResponses, PartialSchema};

    use crate::repository::{CursorPage, CursorRequest, RepoError};

    #[test]
    fn a_cursor_page_has_items_and_a_nullable_next() {
        let schema = serde_json::to_value(<CursorPage<String> as PartialSchema>::schema()).unwrap();
        assert_eq!(schema["required"], serde_json::json!(["items", "next"]));
        assert_eq!(schema["properties"]["items"]["type"], "array");
        let next = schema["properties"]["next"].to_string();
        assert!(
            next.contains("null") && next.contains("A-Za-z0-9_-"),
            "{next}"
        );
    }

    #[test]
    fn cursor_params_and_the_400_are_documented() {
        let params = CursorRequest::into_params(|| None);
        let names: Vec<&str> = params.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["after", "limit", "sort"]);
        let value = serde_json::to_value(RepoError::responses()).unwrap();
        let examples = &value["400"]["content"]["application/problem+json"]["examples"];
        assert!(examples.get("invalid_sort").is_some() && examples.get("invalid_cursor").is_some());
    }
}
