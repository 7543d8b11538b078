//! The `application/problem+json` responses: the [`ProblemDetails`] and [`FieldError`]
//! schemas, and the builder `#[derive(ApiError)]` calls for `IntoResponses`.

use std::collections::BTreeMap;

use utoipa::openapi::example::Example;
use utoipa::openapi::response::Response;
use utoipa::openapi::schema::{Object, Schema, Type};
use utoipa::openapi::{Content, RefOr};
use utoipa::{PartialSchema, ToSchema};

use super::build::{self, SchemaRef};
use crate::{ABOUT_BLANK, FieldError, PROBLEM_JSON, ProblemDetails};

/// The responses of one operation, keyed by status.
pub type ResponseMap = BTreeMap<String, RefOr<Response>>;

fn typed(ty: Type, description: &str) -> SchemaRef {
    let mut object = Object::with_type(ty);
    object.description = Some(description.to_owned());
    RefOr::T(Schema::Object(object))
}

impl PartialSchema for FieldError {
    fn schema() -> SchemaRef {
        let mut object = build::ObjectSchema::new();
        let string = |text| typed(Type::String, text);
        object.property(
            "path",
            true,
            string(
                "JSON-style path of the offending value, such as `address.street` or `tags[3]`.",
            ),
        );
        object.property(
            "code",
            true,
            string("Stable, machine-readable code of the violated rule, such as `length`."),
        );
        object.property("message", true, string("Human-readable explanation."));
        let mut params = typed(
            Type::Object,
            "Parameters of the rule, such as `min` and `max`.",
        );
        if let RefOr::T(Schema::Object(params)) = &mut params {
            params.additional_properties = Some(Box::new(
                utoipa::openapi::schema::AdditionalProperties::FreeForm(true),
            ));
        }
        object.property("params", false, params);
        object.build(Some("One violated rule, at the path the client sent."), &[])
    }
}

impl ToSchema for FieldError {
    fn name() -> std::borrow::Cow<'static, str> {
        build::name("FieldError")
    }
}

impl PartialSchema for ProblemDetails {
    fn schema() -> SchemaRef {
        let mut object = build::ObjectSchema::new();
        let mut uri = typed(
            Type::String,
            "A URI naming the problem type; `about:blank` when it has none.",
        );
        if let RefOr::T(Schema::Object(uri)) = &mut uri {
            uri.format = Some(utoipa::openapi::schema::SchemaFormat::Custom(
                "uri-reference".into(),
            ));
            uri.default = Some(ABOUT_BLANK.into());
        }
        object.property("type", false, uri);
        object.property(
            "title",
            true,
            typed(Type::String, "A short summary of the problem type."),
        );
        let mut status = typed(Type::Integer, "The HTTP status code.");
        if let RefOr::T(Schema::Object(status)) = &mut status {
            status.minimum = Some(400.into());
            status.maximum = Some(599.into());
        }
        object.property("status", true, status);
        object.property(
            "detail",
            false,
            typed(
                Type::String,
                "An explanation of this occurrence, safe to show the client (generic for 5xx).",
            ),
        );
        object.property(
            "instance",
            false,
            typed(Type::String, "A URI reference identifying this occurrence."),
        );
        object.property(
            "code",
            true,
            typed(
                Type::String,
                "A stable, machine-readable code, such as `user_not_found`.",
            ),
        );
        object.property(
            "errors",
            false,
            build::array(build::reference::<FieldError>(), false, None),
        );
        let mut schema = object.build(
            Some("An RFC 9457 problem details object. Other members (`request_id`, extensions) may appear."),
            &[],
        );
        if let RefOr::T(Schema::Object(object)) = &mut schema {
            object.additional_properties = Some(Box::new(
                utoipa::openapi::schema::AdditionalProperties::FreeForm(true),
            ));
        }
        schema
    }
}

impl ToSchema for ProblemDetails {
    fn name() -> std::borrow::Cow<'static, str> {
        build::name("ProblemDetails")
    }

    fn schemas(schemas: &mut Vec<(String, SchemaRef)>) {
        build::collect::<FieldError>(schemas);
    }
}

/// One response per status, each `application/problem+json` with the [`ProblemDetails`]
/// schema and one example per code. Every 5xx becomes one `500` response without examples:
/// its body carries a generic message, whatever the error was.
#[derive(Default)]
pub struct Responses {
    map: ResponseMap,
}

impl Responses {
    /// No responses yet.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// A response with `status` and `code` (with its `title`, `type` and static `detail`, if
    /// any).
    pub fn add(
        &mut self,
        status: u16,
        code: &str,
        title: Option<&str>,
        type_uri: Option<&str>,
        detail: Option<&str>,
    ) {
        if status >= 500 {
            self.server_error();
            return;
        }
        let reason = http::StatusCode::from_u16(status)
            .ok()
            .and_then(|status| status.canonical_reason())
            .unwrap_or("Error");
        let mut example = serde_json::json!({
            "type": type_uri.unwrap_or(ABOUT_BLANK),
            "title": title.unwrap_or(reason),
            "status": status,
            "code": code,
        });
        if let Some(detail) = detail {
            example["detail"] = detail.into();
        }
        let response = self.response(&status.to_string(), reason, problem_schema());
        if let Some(RefOr::T(content)) = response.and_then(|r| r.content.get_mut(PROBLEM_JSON)) {
            let mut value = Example::new();
            value.value = Some(example);
            content
                .examples
                .entry(code.to_owned())
                .or_insert(RefOr::T(value));
        }
    }

    /// The `503` of a backend that stays busy (deadlocks and lock waits past their retries):
    /// a generic body and a `Retry-After` header in seconds. Nothing internal is in it.
    pub fn busy(&mut self) {
        let header = utoipa::openapi::header::HeaderBuilder::new()
            .schema(Some(Object::with_type(Type::Integer)))
            .description(Some("Seconds to wait before retrying."))
            .build();
        if let Some(response) = self.response(
            "503",
            "The storage stayed busy; retry after the `Retry-After` seconds.",
            problem_schema(),
        ) {
            response
                .headers
                .insert("Retry-After".to_owned(), RefOr::T(header));
        }
    }

    /// The one `500` response every server error shares.
    pub fn server_error(&mut self) {
        self.response(
            "500",
            "Server error. The body carries a generic message; what went wrong is logged, never sent.",
            problem_schema(),
        );
    }

    /// The 422 of [`ValidationErrors`](crate::ValidationErrors): `errors` lists each violation.
    pub fn validation_failed(&mut self) {
        let mut errors = build::ObjectSchema::new();
        let mut list = build::array(build::reference::<FieldError>(), false, None);
        build::non_empty(&mut list, "non_empty");
        errors.property("errors", true, list);
        let schema = build::all_of(vec![
            build::reference::<ProblemDetails>(),
            errors.build(None, &[]),
        ]);
        let response = self.response("422", "Unprocessable Content", schema);
        if let Some(RefOr::T(content)) = response.and_then(|r| r.content.get_mut(PROBLEM_JSON)) {
            let mut value = Example::new();
            value.value = Some(serde_json::json!({
                "type": ABOUT_BLANK,
                "title": "Unprocessable Content",
                "status": 422,
                "code": "validation_failed",
                "detail": "1 field is invalid; see `errors`.",
                "errors": [{"path": "email", "code": "email", "message": "must be a valid email address"}],
            }));
            content
                .examples
                .entry("validation_failed".to_owned())
                .or_insert(RefOr::T(value));
        }
    }

    /// Adds the responses of another type (a transparent variant's), merging examples of
    /// statuses both answer.
    pub fn extend(&mut self, other: ResponseMap) {
        for (status, response) in other {
            match (self.map.get_mut(&status), response) {
                (Some(RefOr::T(mine)), RefOr::T(theirs)) => {
                    for (media, content) in theirs.content {
                        match (mine.content.get_mut(&media), content) {
                            (Some(RefOr::T(mine)), RefOr::T(theirs)) => {
                                for (name, example) in theirs.examples {
                                    mine.examples.entry(name).or_insert(example);
                                }
                            }
                            (None, content) => {
                                mine.content.insert(media, content);
                            }
                            (Some(_), _) => {}
                        }
                    }
                }
                (Some(_), _) => {}
                (None, response) => {
                    self.map.insert(status, response);
                }
            }
        }
    }

    /// The responses, by status.
    #[must_use]
    pub fn build(self) -> ResponseMap {
        self.map
    }

    /// The response for `status`, added if new; `None` if it is a `$ref` (from another type).
    fn response(
        &mut self,
        status: &str,
        description: &str,
        schema: SchemaRef,
    ) -> Option<&mut Response> {
        let entry = self.map.entry(status.to_owned()).or_insert_with(|| {
            RefOr::T(
                Response::builder()
                    .description(description)
                    .content(PROBLEM_JSON, Content::new(Some(schema)))
                    .build(),
            )
        });
        match entry {
            RefOr::T(response) => Some(response),
            RefOr::Ref(_) => None,
        }
    }
}

fn problem_schema() -> SchemaRef {
    build::reference::<ProblemDetails>()
}

/// [`Probe`](super::build::Probe) of a transparent variant's type with responses.
pub trait KnownResponses {
    /// The type's responses.
    fn responses_of(&self) -> ResponseMap;
}

impl<T: utoipa::IntoResponses + ?Sized> KnownResponses for build::Probe<T> {
    fn responses_of(&self) -> ResponseMap {
        T::responses()
    }
}

/// [`Probe`](super::build::Probe) of a type that implements `ApiError` by hand and no
/// `IntoResponses`: its statuses are unknown, so it adds a `default` problem response.
pub trait UnknownResponses {
    /// A `default` response naming the type.
    fn responses_of(&self) -> ResponseMap;
}

impl<T: ?Sized> UnknownResponses for &build::Probe<T> {
    fn responses_of(&self) -> ResponseMap {
        let description = format!(
            "Other problems, from `{}` (which implements no `utoipa::IntoResponses`).",
            std::any::type_name::<T>()
        );
        let mut map = ResponseMap::new();
        map.insert(
            "default".to_owned(),
            RefOr::T(
                Response::builder()
                    .description(description)
                    .content(PROBLEM_JSON, Content::new(Some(problem_schema())))
                    .build(),
            ),
        );
        map
    }
}
