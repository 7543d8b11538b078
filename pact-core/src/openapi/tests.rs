//! The builders put a rule in only where it means the same, and note it everywhere else.

use serde_json::{Value, json};
use utoipa::PartialSchema;

use super::build::{self, SchemaRef};

fn json(schema: &SchemaRef) -> Value {
    serde_json::to_value(schema).unwrap()
}

#[test]
fn length_counts_what_the_schema_holds() {
    let mut text = String::schema();
    build::length(&mut text, Some(1), Some(5), "length(min = 1, max = 5)");
    assert_eq!(
        (
            json(&text)["minLength"].clone(),
            json(&text)["maxLength"].clone()
        ),
        (json!(1), json!(5))
    );

    let mut list = build::array(String::schema(), false, None);
    build::length(&mut list, None, Some(3), "length(max = 3)");
    assert_eq!(json(&list)["maxItems"], 3);

    let mut map = build::map(String::schema());
    build::non_empty(&mut map, "non_empty");
    assert_eq!(json(&map)["minProperties"], 1);
}

#[test]
fn rules_without_a_place_are_noted_never_dropped() {
    let mut number = i32::schema();
    build::length(&mut number, None, Some(3), "length(max = 3)");
    assert_eq!(json(&number)["x-pact-rules"], json!(["length(max = 3)"]));
    assert!(json(&number).get("maxLength").is_none());

    let mut date = build::string(Some("date"));
    build::range(
        &mut date,
        [Some(None), None, None, None],
        "range(min = START)",
    );
    assert_eq!(json(&date)["x-pact-rules"], json!(["range(min = START)"]));
    assert!(
        json(&date)["description"]
            .as_str()
            .unwrap()
            .contains("range(min = START)")
    );

    let mut text = String::schema();
    build::pattern(&mut text, "^a", "prefix(\"a\")");
    build::pattern(&mut text, "b$", "suffix(\"b\")");
    assert_eq!(json(&text)["pattern"], "^a");
    assert_eq!(json(&text)["x-pact-rules"], json!(["suffix(\"b\")"]));

    let mut reference = build::reference::<crate::ProblemDetails>();
    build::note(&mut reference, "custom(check)");
    let value = json(&reference);
    assert_eq!(
        value["allOf"][0]["$ref"],
        "#/components/schemas/ProblemDetails"
    );
    assert_eq!(value["x-pact-rules"], json!(["custom(check)"]));
}

#[test]
fn a_format_the_type_already_has_is_not_noted() {
    let mut id = build::string(Some("uuid"));
    build::format(&mut id, "uuid", "uuid");
    assert!(json(&id).get("x-pact-rules").is_none());
    build::format(&mut id, "email", "email");
    assert_eq!(json(&id)["x-pact-rules"], json!(["email"]));
}

#[test]
fn range_bounds_become_keywords() {
    let mut age = u8::schema();
    build::range(
        &mut age,
        [
            Some(Some(18.into())),
            None,
            None,
            Some(Some(utoipa::Number::Float(130.5))),
        ],
        "range(min = 18, exclusive_max = 130.5)",
    );
    let value = json(&age);
    assert_eq!(
        (value["minimum"].clone(), value["exclusiveMaximum"].clone()),
        (json!(18), json!(130.5))
    );
}

#[test]
fn five_hundreds_collapse_into_one_response_without_examples() {
    let mut responses = super::Responses::new();
    responses.add(503, "unavailable", None, None, Some("internal detail"));
    responses.add(500, "storage", None, None, None);
    responses.add(404, "missing", Some("Missing"), None, None);
    let value = serde_json::to_value(responses.build()).unwrap();
    let statuses: Vec<&String> = value.as_object().unwrap().keys().collect();
    assert_eq!(statuses, ["404", "500"]);
    assert!(!value["500"].to_string().contains("internal detail"));
    assert_eq!(
        value["404"]["content"]["application/problem+json"]["examples"]["missing"]["value"]["title"],
        "Missing"
    );
}

#[test]
fn repo_error_documents_every_status_it_answers() {
    use utoipa::IntoResponses;
    let value = serde_json::to_value(crate::RepoError::responses()).unwrap();
    let statuses: Vec<&String> = value.as_object().unwrap().keys().collect();
    assert_eq!(statuses, ["400", "404", "409", "413", "422", "500", "503"]);
    let conflicts = &value["409"]["content"]["application/problem+json"]["examples"];
    assert!(conflicts.get("conflict").is_some() && conflicts.get("version_conflict").is_some());
    assert!(value["503"]["headers"].get("Retry-After").is_some());
}
