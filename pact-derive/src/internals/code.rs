//! Error codes written in attributes (`code = "user_not_found"`): stable, machine-readable
//! strings that clients match on, checked the same way by every derive.

/// Whether `code` is a stable machine-readable code: not empty, ASCII letters, digits, `_`,
/// `-` and `.` only (so no spaces, control or bidirectional-override characters).
pub fn is_valid(code: &str) -> bool {
    !code.is_empty()
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

/// The error for a code that is not [`is_valid`].
pub fn invalid_message(code: &str) -> String {
    format!(
        "`code = {code:?}` is not a stable machine-readable code; use letters, digits, `_`, `-` and `.`, as in `user_not_found`"
    )
}

#[cfg(test)]
mod tests {
    use super::is_valid;

    #[test]
    fn accepts_machine_codes_only() {
        for good in ["user_not_found", "a", "v1.2-x", "E42"] {
            assert!(is_valid(good), "{good}");
        }
        for bad in [
            "",
            " ",
            "a b",
            "a\u{0}",
            "a\u{202e}b",
            "tab\t",
            "é",
            "a/b",
            "line\n",
        ] {
            assert!(!is_valid(bad), "{bad:?}");
        }
    }
}
