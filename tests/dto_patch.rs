//! `#[dto(patch = T)]`: `Option` fields keep when `None`, `Patch` fields tell absent from
//! `null`, `apply_to` reports what it wrote, and validation checks the present fields only.

use pact::{ApplyTo, Patch, Validate};

#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub email: String,
    pub display_name: String,
    pub nickname: Option<String>,
    pub age: u32,
    pub tags: Vec<Tag>,
    pub manager: Option<Tag>,
    pub version: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, serde::Deserialize, pact::Dto)]
#[dto(into = Tag)]
pub struct TagInput {
    #[validate(length(min = 1))]
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, serde::Deserialize, pact::Dto)]
#[dto(patch = User)]
pub struct UpdateUser {
    #[dto(trim, lowercase)]
    #[validate(email)]
    pub email: Option<String>,
    #[dto(rename = display_name)]
    #[validate(length(min = 1, max = 20))]
    pub name: Option<String>,
    #[serde(default)]
    #[dto(trim)]
    #[validate(length(min = 2))]
    pub nickname: Patch<String>,
    #[dto(with = u32::from)]
    #[validate(range(min = 18))]
    pub age: Option<u16>,
    #[validate(nested)]
    pub tags: Option<Vec<TagInput>>,
    #[serde(default)]
    #[validate(nested)]
    pub manager: Patch<TagInput>,
    #[dto(skip)]
    #[serde(skip)]
    pub reason: String,
}

fn user() -> User {
    User {
        email: "ada@example.com".into(),
        display_name: "Ada".into(),
        nickname: Some("countess".into()),
        age: 36,
        tags: vec![],
        manager: Some(Tag {
            label: "babbage".into(),
        }),
        version: 3,
    }
}

fn parse(json: &str) -> UpdateUser {
    serde_json::from_str(json).unwrap()
}

#[test]
fn absent_members_keep_their_values() {
    let mut user = user();
    let changes = parse("{}").apply_to(&mut user);
    assert!(changes.is_empty());
    assert_eq!(user, self::user());
}

#[test]
fn present_members_are_written_and_reported() {
    let mut user = user();
    let patch = parse(
        r#"{"name": "Lovelace", "nickname": null, "age": 37, "tags": [{"label": "math"}], "manager": {"label": "de morgan"}}"#,
    );
    let changes = patch.apply_to(&mut user);
    assert_eq!(
        changes.iter().collect::<Vec<_>>(),
        ["display_name", "nickname", "age", "tags", "manager"]
    );
    assert!(!changes.contains("email"));
    assert_eq!(
        user,
        User {
            email: "ada@example.com".into(),
            display_name: "Lovelace".into(),
            nickname: None,
            age: 37,
            tags: vec![Tag {
                label: "math".into()
            }],
            manager: Some(Tag {
                label: "de morgan".into()
            }),
            version: 3,
        }
    );
    let changes = parse(r#"{"nickname": "ada", "manager": null}"#).apply_to(&mut user);
    assert_eq!(format!("{changes:?}"), r#"["nickname", "manager"]"#);
    assert_eq!(user.nickname.as_deref(), Some("ada"));
    assert_eq!(user.manager, None);
}

#[test]
fn validation_checks_present_fields_only() {
    assert!(parse("{}").validate().is_ok());
    assert!(
        parse(r#"{"nickname": null, "manager": null}"#)
            .validate()
            .is_ok()
    );
    let errors = parse(
        r#"{"email": "nope", "nickname": "x", "age": 3, "tags": [{"label": ""}], "manager": {"label": ""}}"#,
    )
    .validate()
    .unwrap_err();
    let paths: Vec<&str> = errors.errors().iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        ["email", "nickname", "age", "tags[0].label", "manager.label"]
    );
}

#[test]
fn try_apply_to_normalizes_validates_and_leaves_the_target_alone_on_error() {
    let mut user = user();
    let bad = parse(r#"{"email": "not an email", "name": "Ada L."}"#);
    assert!(bad.try_apply_to(&mut user).is_err());
    assert_eq!(user, self::user());

    let good = parse(r#"{"email": "  ADA@Lovelace.example ", "nickname": "  al  "}"#);
    let changes = good.try_apply_to(&mut user).unwrap();
    assert_eq!(changes.len(), 2);
    assert_eq!(user.email, "ada@lovelace.example");
    assert_eq!(user.nickname.as_deref(), Some("al"));
}

/// A generic target and a generic patch.
#[derive(Debug, PartialEq)]
pub struct Wrapper<T> {
    pub value: T,
    pub note: Option<String>,
}

#[derive(serde::Deserialize, pact::Dto)]
#[dto(patch = Wrapper<T>)]
pub struct WrapperPatch<T> {
    pub value: Option<T>,
    #[serde(default)]
    pub note: Patch<String>,
}

#[test]
fn generic_patch() {
    let mut wrapper = Wrapper {
        value: 1_u8,
        note: Some("x".into()),
    };
    let changes = WrapperPatch {
        value: Some(2_u8),
        note: Patch::Null,
    }
    .apply_to(&mut wrapper);
    assert_eq!(changes.len(), 2);
    assert_eq!(
        wrapper,
        Wrapper {
            value: 2,
            note: None
        }
    );
}
