//! Hostile-input fixtures: bodies whose parser messages echo what the client chose.

/// A body with a map, so the parser's path echoes keys the client chose.
#[derive(Debug, serde::Deserialize, serde::Serialize)]
pub struct Scores {
    pub scores: std::collections::HashMap<String, u8>,
}

/// A form or query that refuses unknown keys, so the parser echoes a key the client chose.
#[derive(Debug, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Strict {
    pub name: String,
}

impl pact::Normalize for Scores {
    fn normalize(&mut self) {}
}

impl pact::Normalize for Strict {
    fn normalize(&mut self) {}
}

impl<C: ?Sized> pact::ValidateWith<C> for Scores {
    fn validate_into(&self, _: &C, _: &pact::validation::Path<'_>, _: &mut pact::ValidationErrors) {
    }
}

impl<C: ?Sized> pact::ValidateWith<C> for Strict {
    fn validate_into(&self, _: &C, _: &pact::validation::Path<'_>, _: &mut pact::ValidationErrors) {
    }
}

/// What a hostile detail may hold at most: the parser's words, and each echoed piece of input
/// cut to 64 characters and an ellipsis.
pub fn assert_bounded(detail: &str, hostile: &str) {
    assert!(
        detail.chars().count() <= 321,
        "{} chars: {detail}",
        detail.len()
    );
    let too_long: String = hostile.chars().take(65).collect();
    assert!(
        !detail.contains(&too_long),
        "echoes more than 64 characters: {detail}"
    );
    assert!(detail.contains('…'), "{detail}");
}
