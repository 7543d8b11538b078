//! Identifier case conversion.

/// `NotFound` -> `not_found`, `HTTPError` -> `http_error`, `Error2Fa` -> `error2_fa`.
pub fn snake_case(ident: &str) -> String {
    let ident = ident.strip_prefix("r#").unwrap_or(ident);
    let chars: Vec<char> = ident.chars().collect();
    let mut out = String::with_capacity(ident.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1);
            let boundary = match prev {
                None | Some('_') => false,
                Some(p) if p.is_lowercase() || p.is_ascii_digit() => true,
                Some(p) => p.is_uppercase() && next.is_some_and(|n| n.is_lowercase()),
            };
            if boundary {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// A serde `rename_all` rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenameRule {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

impl RenameRule {
    pub const NAMES: [&'static str; 8] = [
        "lowercase",
        "UPPERCASE",
        "PascalCase",
        "camelCase",
        "snake_case",
        "SCREAMING_SNAKE_CASE",
        "kebab-case",
        "SCREAMING-KEBAB-CASE",
    ];

    pub fn from_name(name: &str) -> Option<Self> {
        let rules = [
            Self::Lower,
            Self::Upper,
            Self::Pascal,
            Self::Camel,
            Self::Snake,
            Self::ScreamingSnake,
            Self::Kebab,
            Self::ScreamingKebab,
        ];
        Self::NAMES
            .iter()
            .position(|n| *n == name)
            .map(|i| rules[i])
    }

    /// A field name (written in `snake_case`) as serde renames it.
    pub fn apply_to_field(self, field: &str) -> String {
        let field = field.strip_prefix("r#").unwrap_or(field);
        match self {
            Self::Lower | Self::Snake => field.to_owned(),
            Self::Upper | Self::ScreamingSnake => field.to_ascii_uppercase(),
            Self::Pascal => pascal(field),
            Self::Camel => {
                let pascal = pascal(field);
                let mut chars = pascal.chars();
                chars
                    .next()
                    .map(|first| first.to_lowercase().chain(chars).collect())
                    .unwrap_or_default()
            }
            Self::Kebab => field.replace('_', "-"),
            Self::ScreamingKebab => field.to_ascii_uppercase().replace('_', "-"),
        }
    }

    /// A variant name (written in `PascalCase`) as serde renames it.
    pub fn apply_to_variant(self, variant: &str) -> String {
        match self {
            Self::Pascal => variant.to_owned(),
            Self::Lower => variant.to_ascii_lowercase(),
            Self::Upper => variant.to_ascii_uppercase(),
            Self::Camel => {
                let mut chars = variant.chars();
                chars
                    .next()
                    .map(|first| first.to_lowercase().chain(chars).collect())
                    .unwrap_or_default()
            }
            other => other.apply_to_field(&snake_case(variant)),
        }
    }
}

fn pascal(snake: &str) -> String {
    snake
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{RenameRule, snake_case};

    #[test]
    fn renames_like_serde() {
        let cases = [
            (
                RenameRule::Camel,
                "street_name",
                "streetName",
                "VeryTasty",
                "veryTasty",
            ),
            (
                RenameRule::Pascal,
                "street_name",
                "StreetName",
                "VeryTasty",
                "VeryTasty",
            ),
            (
                RenameRule::Kebab,
                "street_name",
                "street-name",
                "VeryTasty",
                "very-tasty",
            ),
            (
                RenameRule::ScreamingSnake,
                "street_name",
                "STREET_NAME",
                "VeryTasty",
                "VERY_TASTY",
            ),
            (
                RenameRule::ScreamingKebab,
                "street_name",
                "STREET-NAME",
                "VeryTasty",
                "VERY-TASTY",
            ),
            (
                RenameRule::Lower,
                "street_name",
                "street_name",
                "VeryTasty",
                "verytasty",
            ),
            (
                RenameRule::Upper,
                "street_name",
                "STREET_NAME",
                "VeryTasty",
                "VERYTASTY",
            ),
            (
                RenameRule::Snake,
                "street_name",
                "street_name",
                "VeryTasty",
                "very_tasty",
            ),
        ];
        for (rule, field, field_out, variant, variant_out) in cases {
            assert_eq!(rule.apply_to_field(field), field_out, "{rule:?}");
            assert_eq!(rule.apply_to_variant(variant), variant_out, "{rule:?}");
        }
        assert_eq!(RenameRule::from_name("camelCase"), Some(RenameRule::Camel));
        assert_eq!(RenameRule::from_name("camelcase"), None);
    }

    #[test]
    fn converts_camel_and_acronyms() {
        assert_eq!(snake_case("NotFound"), "not_found");
        assert_eq!(snake_case("HTTPError"), "http_error");
        assert_eq!(snake_case("UserIDMissing"), "user_id_missing");
        assert_eq!(snake_case("Error2Fa"), "error2_fa");
        assert_eq!(snake_case("already_snake"), "already_snake");
        assert_eq!(snake_case("A"), "a");
        assert_eq!(snake_case("r#Type"), "type");
    }
}
