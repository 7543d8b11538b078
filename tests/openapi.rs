//! The `openapi` feature: the document of a sample API built with utoipa-axum from derived
//! DTOs, errors and pages, checked by an OpenAPI 3.1 validator and against a snapshot.
#![cfg(all(feature = "openapi", feature = "axum"))]

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, Query};
use pact::{Page, PageRequest, Patch, RepoError, ValidationErrors};
use serde::Deserialize;
use utoipa::openapi::OpenApi;
use utoipa::{IntoResponses, Modify, PartialSchema, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// A postal address.
#[derive(Debug, Deserialize, serde::Serialize, pact::Dto)]
pub struct Address {
    /// The street and number.
    #[validate(length(min = 1, max = 100))]
    pub street: String,
    #[validate(pattern(r"^[0-9]{5}$"))]
    pub zip: String,
}

/// A new user, as the client sends it.
#[derive(Debug, Deserialize, pact::Dto)]
#[serde(rename_all = "camelCase")]
#[validate(schema(check_user))]
pub struct NewUser {
    /// Where to write.
    #[validate(email, length(max = 254))]
    pub email_address: String,
    #[validate(range(min = 18, max = 130))]
    pub age: u8,
    #[validate(length(max = 60, bytes))]
    pub display_name: Option<String>,
    #[validate(required)]
    pub nickname: Option<String>,
    #[validate(one_of("admin", "member"))]
    #[serde(default)]
    pub role: String,
    #[validate(length(max = 5), each(length(min = 1, max = 20)))]
    pub tags: Vec<String>,
    #[validate(keys(length(max = 16)))]
    pub labels: BTreeMap<String, String>,
    #[validate(nested)]
    pub address: Address,
    #[validate(custom(check_password))]
    pub password: String,
    #[validate(must_match(password))]
    pub password_confirmation: String,
    #[serde(skip)]
    pub internal: u32,
}

fn check_user(user: &NewUser) -> Result<(), pact::RuleError> {
    if user.email_address.contains(&user.password) {
        return Err(pact::RuleError::new(
            "weak",
            "the password is in the email address",
        ));
    }
    Ok(())
}

fn check_password(password: &str) -> Result<(), pact::RuleError> {
    if password.len() < 12 {
        return Err(pact::RuleError::new("weak", "at least 12 characters"));
    }
    Ok(())
}

/// Changes to a user.
#[derive(Debug, Deserialize, pact::Dto)]
pub struct UserPatch {
    #[serde(default)]
    #[validate(length(min = 1, max = 40))]
    pub name: Patch<String>,
}

/// How to reach a user.
#[derive(Debug, Deserialize, pact::Dto)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Contact {
    Email {
        #[validate(email)]
        address: String,
    },
    Phone {
        #[validate(pattern(r"^\+[0-9]{6,15}$"))]
        number: String,
    },
    Nobody,
}

#[derive(Debug, Deserialize, pact::Dto)]
pub enum Plan {
    Free,
    Pro,
}

/// A user by id or by name.
#[derive(Debug, Deserialize, pact::Dto)]
#[serde(untagged)]
pub enum Lookup {
    Id(u64),
    Name {
        #[validate(length(min = 1))]
        name: String,
    },
}

#[derive(Debug, Deserialize, pact::Dto)]
#[serde(tag = "t", content = "c")]
pub enum Event {
    Renamed(#[validate(length(max = 10))] String),
    Closed,
}

#[derive(Debug, Deserialize, pact::Dto)]
pub struct Paging {
    #[serde(default)]
    #[validate(range(max = 100))]
    pub limit: u32,
}

#[derive(Debug, Deserialize, pact::Dto)]
pub struct Search {
    #[serde(flatten)]
    #[validate(nested)]
    pub paging: Paging,
    #[validate(nested)]
    pub lookup: Lookup,
    #[validate(nested)]
    pub event: Option<Event>,
}

/// Many of one thing at once.
#[derive(Debug, Deserialize, pact::Dto)]
pub struct Batch<T> {
    #[validate(length(min = 1, max = 10), nested)]
    pub items: Vec<T>,
}

#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user {0} not found")]
    #[api(status = 404, code = "user_not_found", title = "User not found")]
    NotFound(i64),
    #[error("the email address is taken")]
    #[api(
        status = 409,
        code = "email_taken",
        message = "That email address is already in use."
    )]
    EmailTaken,
    #[error(transparent)]
    #[api(transparent)]
    Invalid(#[from] ValidationErrors),
    #[error(transparent)]
    #[api(transparent)]
    Repo(#[from] RepoError),
    #[error("database: {0}")]
    #[api(status = 503)]
    Database(String),
    #[error("quota")]
    #[api(
        status = 429,
        code = "quota",
        message = "Send at most {{limit}} requests."
    )]
    Quota,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct User {
    id: i64,
    email: String,
}

#[utoipa::path(post, path = "/users", request_body = NewUser, responses((status = 201, description = "Created", body = User), pact::openapi::Merged<(pact::Rejection, UserError)>))]
async fn create_user(
    pact::axum::Valid(Json(_user)): pact::axum::Valid<Json<NewUser>>,
) -> Json<User> {
    Json(User {
        id: 1,
        email: String::new(),
    })
}

#[utoipa::path(patch, path = "/users/{id}", params(("id" = i64, Path)), request_body = UserPatch, responses((status = 200, description = "Updated", body = User), UserError))]
async fn update_user(Path(_id): Path<i64>, Json(_patch): Json<UserPatch>) -> Json<User> {
    Json(User {
        id: 1,
        email: String::new(),
    })
}

#[utoipa::path(get, path = "/users", params(PageRequest), responses((status = 200, description = "One page of users", body = Page<User>), RepoError))]
async fn list_users(Query(_page): Query<PageRequest>) -> Json<Page<User>> {
    Json(Page {
        items: Vec::new(),
        total: 0,
        offset: 0,
        limit: 20,
    })
}

#[utoipa::path(put, path = "/users/{id}/contact", params(("id" = i64, Path)), request_body = Contact, responses((status = 204, description = "Set"), UserError))]
async fn set_contact(Path(_id): Path<i64>, Json(_contact): Json<Contact>) {}

#[utoipa::path(put, path = "/users/{id}/plan", params(("id" = i64, Path)), request_body = Plan, responses((status = 204, description = "Set"), UserError))]
async fn set_plan(Path(_id): Path<i64>, Json(_plan): Json<Plan>) {}

#[utoipa::path(post, path = "/search", request_body = Search, responses((status = 200, description = "Found", body = Vec<User>), UserError))]
async fn search(Json(_search): Json<Search>) -> Json<Vec<User>> {
    Json(Vec::new())
}

#[utoipa::path(post, path = "/addresses", request_body = Batch<Address>, responses((status = 204, description = "Stored"), UserError))]
async fn store_addresses(Json(_batch): Json<Batch<Address>>) {}

fn document() -> OpenApi {
    let (_router, mut api): (axum::Router, OpenApi) = OpenApiRouter::new()
        .routes(routes!(create_user))
        .routes(routes!(update_user))
        .routes(routes!(list_users))
        .routes(routes!(set_contact))
        .routes(routes!(set_plan))
        .routes(routes!(search))
        .routes(routes!(store_addresses))
        .split_for_parts();
    api.info.title = "sample".into();
    api.info.version = "1.0.0".into();
    pact::openapi::ProblemSchemas.modify(&mut api);
    api
}

fn json() -> serde_json::Value {
    serde_json::to_value(document()).unwrap()
}

#[test]
fn schemas_carry_names_required_and_rules() {
    let doc = json();
    let user = &doc["components"]["schemas"]["NewUser"];
    let props = &user["properties"];
    assert_eq!(
        user["description"].as_str().unwrap().lines().next(),
        Some("A new user, as the client sends it.")
    );
    assert_eq!(props["emailAddress"]["format"], "email");
    assert_eq!(props["emailAddress"]["maxLength"], 254);
    assert_eq!(props["emailAddress"]["description"], "Where to write.");
    assert_eq!(props["age"]["minimum"], 18);
    assert_eq!(props["age"]["maximum"], 130);
    assert_eq!(
        props["role"]["enum"],
        serde_json::json!(["admin", "member"])
    );
    assert_eq!(props["tags"]["maxItems"], 5);
    assert_eq!(props["tags"]["items"]["minLength"], 1);
    assert_eq!(props["labels"]["propertyNames"]["maxLength"], 16);
    assert_eq!(props["address"]["$ref"], "#/components/schemas/Address");
    assert!(
        props.get("internal").is_none(),
        "skipped members are not documented"
    );
    let required: Vec<&str> = user["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(required.contains(&"emailAddress") && required.contains(&"nickname"));
    assert!(!required.contains(&"displayName") && !required.contains(&"role"));
    // Rules JSON Schema cannot express are listed, never dropped.
    assert_eq!(
        props["displayName"]["oneOf"][1]["x-pact-rules"],
        serde_json::json!(["length(max = 60, bytes)"])
    );
    assert_eq!(
        props["password"]["x-pact-rules"],
        serde_json::json!(["custom(check_password)"])
    );
    assert_eq!(
        props["passwordConfirmation"]["x-pact-rules"],
        serde_json::json!(["must_match(password)"])
    );
    assert_eq!(
        user["x-pact-rules"],
        serde_json::json!(["schema(check_user)"])
    );
    assert_eq!(
        doc["components"]["schemas"]["Address"]["properties"]["zip"]["pattern"],
        "^[0-9]{5}$"
    );

    let patch = &doc["components"]["schemas"]["UserPatch"];
    assert!(patch.get("required").is_none());
    assert_eq!(patch["properties"]["name"]["oneOf"][0]["type"], "null");
    assert_eq!(patch["properties"]["name"]["oneOf"][1]["maxLength"], 40);

    let plan = &doc["components"]["schemas"]["Plan"];
    assert_eq!(plan["enum"], serde_json::json!(["Free", "Pro"]));
    let contact = &doc["components"]["schemas"]["Contact"]["oneOf"];
    assert_eq!(
        contact[0]["properties"]["kind"]["enum"],
        serde_json::json!(["email"])
    );
    assert_eq!(contact[2]["required"], serde_json::json!(["kind"]));
}

#[test]
fn enum_tagging_and_flatten_follow_serde() {
    let doc = json();
    let schemas = &doc["components"]["schemas"];
    // Untagged: serde takes the first variant that fits, so `anyOf`.
    let lookup = &schemas["Lookup"]["anyOf"];
    assert_eq!(lookup[0]["type"], "integer");
    assert_eq!(lookup[1]["properties"]["name"]["minLength"], 1);
    let event = &schemas["Event"]["oneOf"];
    assert_eq!(
        event[0]["properties"]["t"]["enum"],
        serde_json::json!(["Renamed"])
    );
    assert_eq!(event[0]["properties"]["c"]["maxLength"], 10);
    assert_eq!(event[1]["required"], serde_json::json!(["t"]));
    let search = &schemas["Search"]["allOf"];
    assert_eq!(search[1]["$ref"], "#/components/schemas/Paging");
    assert_eq!(search[0]["required"], serde_json::json!(["lookup"]));
    assert_eq!(schemas["Paging"]["properties"]["limit"]["maximum"], 100);
    // A generic DTO: its items refer to the argument's schema.
    let batch =
        &doc["paths"]["/addresses"]["post"]["requestBody"]["content"]["application/json"]["schema"];
    let batch = match batch.get("$ref").and_then(|r| r.as_str()) {
        Some(reference) => &schemas[reference.rsplit('/').next().unwrap()],
        None => batch,
    };
    assert_eq!(batch["properties"]["items"]["maxItems"], 10);
    assert_eq!(
        batch["properties"]["items"]["items"]["$ref"],
        "#/components/schemas/Address"
    );
}

#[test]
fn errors_answer_one_problem_response_per_status() {
    let responses = serde_json::to_value(UserError::responses()).unwrap();
    let statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
    assert_eq!(
        statuses,
        ["400", "404", "409", "413", "422", "429", "500", "503"]
    );
    let conflict = &responses["409"]["content"]["application/problem+json"];
    assert_eq!(
        conflict["schema"]["$ref"],
        "#/components/schemas/ProblemDetails"
    );
    assert_eq!(
        conflict["examples"]["email_taken"]["value"]["detail"],
        "That email address is already in use."
    );
    assert!(
        conflict["examples"]["conflict"].is_object(),
        "RepoError's 409 is merged in"
    );
    assert_eq!(
        responses["404"]["content"]["application/problem+json"]["examples"]["user_not_found"]["value"]
            ["title"],
        "User not found"
    );
    let server = &responses["500"]["content"]["application/problem+json"];
    assert!(server.get("examples").is_none(), "5xx carry no detail");
}

/// A static message is documented as it is sent: `{{` in the format string is one `{`.
#[test]
fn static_messages_are_unescaped_in_examples() {
    let responses = serde_json::to_value(UserError::responses()).unwrap();
    let quota = &responses["429"]["content"]["application/problem+json"]["examples"]["quota"];
    assert_eq!(quota["value"]["detail"], "Send at most {limit} requests.");
    assert_eq!(
        pact::ApiError::message(&UserError::Quota),
        "Send at most {limit} requests."
    );
}

/// A handler that takes `Valid<Json<T>>` lists `Merged<(pact::Rejection, UserError)>`: the
/// extractor's 400, 413, 415 and 422 are in the document, merged with the handler's own (utoipa's
/// own `responses(A, B)` would keep only `B`'s 400).
#[test]
fn extractor_rejections_are_documented() {
    let doc = json();
    let responses = &doc["paths"]["/users"]["post"]["responses"];
    for status in ["400", "413", "415", "422", "500"] {
        assert!(
            responses[status]["content"]["application/problem+json"].is_object(),
            "{status} is documented: {responses}"
        );
    }
    let examples = &responses["415"]["content"]["application/problem+json"]["examples"];
    assert_eq!(
        examples["unsupported_media_type"]["value"]["code"],
        "unsupported_media_type"
    );
    let bad = &responses["400"]["content"]["application/problem+json"]["examples"];
    assert!(bad["malformed_request"].is_object(), "{bad}");
    assert!(
        bad["invalid_sort"].is_object(),
        "UserError's own 400 is kept: {bad}"
    );
    let invalid = &responses["422"]["content"]["application/problem+json"]["examples"];
    assert!(invalid["validation_failed"].is_object(), "{invalid}");
}

#[test]
fn pages_have_schemas_and_params() {
    let doc = json();
    let page = &doc["components"]["schemas"]["Page_User"];
    // utoipa passes `User`'s schema inline as the generic argument.
    assert_eq!(
        page["properties"]["items"]["items"]["properties"]["email"]["type"],
        "string"
    );
    assert_eq!(
        page["required"],
        serde_json::json!(["items", "total", "offset", "limit"])
    );
    let params = &doc["paths"]["/users"]["get"]["parameters"];
    let names: Vec<&str> = params
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["offset", "limit", "sort"]);
    let _ = <Page<User> as PartialSchema>::schema();
    assert_eq!(<Page<User> as ToSchema>::name(), "Page");
}

/// The document against the snapshot `tests/expand/openapi/sample.json`
/// (`UPDATE_EXPECT=1` rewrites it).
#[test]
fn document_matches_snapshot() {
    let text = serde_json::to_string_pretty(&json()).unwrap() + "\n";
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/expand/openapi/sample.json"
    );
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(path, &text).unwrap();
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        expected == text,
        "the document changed; rerun with UPDATE_EXPECT=1 and review the diff of {path}"
    );
}

/// The document is valid OpenAPI 3.1, by `openapi-spec-validator` (which `.ci/run` installs).
#[test]
fn document_is_valid_openapi_3_1() {
    let dir = std::env::temp_dir().join(format!("pact-openapi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("openapi.json");
    std::fs::write(&file, serde_json::to_string(&json()).unwrap()).unwrap();
    let script = "import sys\nfrom openapi_spec_validator import validate\nfrom openapi_spec_validator.readers import read_from_filename\nspec, _ = read_from_filename(sys.argv[1])\nvalidate(spec)\nprint('valid')\n";
    let output = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&file)
        .output();
    let output = match output {
        Ok(output) => output,
        Err(err) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "python3 is missing in CI: {err}"
            );
            eprintln!("skipped: python3 not found ({err})");
            return;
        }
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() && stderr.contains("No module named 'openapi_spec_validator'") {
        assert!(
            std::env::var_os("CI").is_none(),
            "openapi-spec-validator is missing in CI"
        );
        eprintln!(
            "skipped: openapi-spec-validator is not installed (pip install openapi-spec-validator)"
        );
        return;
    }
    assert!(
        output.status.success(),
        "the document is not valid OpenAPI 3.1:\n{stderr}"
    );
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "valid");
}
