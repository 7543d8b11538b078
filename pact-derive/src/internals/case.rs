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

#[cfg(test)]
mod tests {
    use super::snake_case;

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
