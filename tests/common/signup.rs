//! The request body and problem+json checks shared by the extractor tests.

use pact::validation::{Path, RuleError};
use pact::{Normalize, ValidateWith, ValidationErrors};
use serde_json::Value;

pub const PROBLEM_JSON: &str = "application/problem+json";

#[derive(Debug, serde::Deserialize, serde::Serialize)]
pub struct Signup {
    pub name: String,
    pub email: String,
    pub age: u32,
}

impl Normalize for Signup {
    fn normalize(&mut self) {
        self.name = self.name.trim().to_owned();
        self.email = self.email.trim().to_lowercase();
    }
}

impl<C: ?Sized> ValidateWith<C> for Signup {
    fn validate_into(&self, _: &C, path: &Path<'_>, errors: &mut ValidationErrors) {
        if self.name.is_empty() {
            errors.push(
                &path.field("name"),
                RuleError::new("length", "must not be empty").with_param("min", 1),
            );
        }
        if !self.email.contains('@') {
            errors.push(
                &path.field("email"),
                RuleError::new("email", "must be an email address"),
            );
        }
        if self.age < 18 {
            errors.push(
                &path.field("age"),
                RuleError::new("range", "must be at least 18").with_param("min", 18),
            );
        }
    }
}

/// Asserts a problem+json reply with `status` and `code`, and returns its body.
pub fn problem(reply: (u16, &str, &Value), status: u16, code: &str) -> Value {
    let (got, content_type, json) = reply;
    assert_eq!(got, status, "{json:#}");
    assert_eq!(content_type, PROBLEM_JSON);
    assert_eq!(json["status"], status);
    assert_eq!(json["code"], code, "{json:#}");
    assert_eq!(json["type"], "about:blank");
    json.clone()
}

pub fn detail(body: &Value) -> &str {
    let detail = body["detail"].as_str().expect("a detail");
    assert!(!detail.is_empty());
    detail
}

pub fn violations(body: &Value) -> Vec<(String, String)> {
    body["errors"]
        .as_array()
        .expect("an errors list")
        .iter()
        .map(|e| {
            (
                e["path"].as_str().expect("path").to_owned(),
                e["code"].as_str().expect("code").to_owned(),
            )
        })
        .collect()
}

pub fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
        .collect()
}
