//! Format strings in attributes (`message = "user {0} not found"`), read like `format!` reads
//! them, so every field they name can be checked and bound before expansion.

/// The field a placeholder names: `{0}` or `{name}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArgRef {
    /// `{0}`: a tuple field.
    Index(usize),
    /// `{name}`: a named field.
    Name(String),
}

/// One `{...}` in a format string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// The field it names.
    pub arg: ArgRef,
    /// The format spec after `:`, without the colon (`?`, `>8`, ...).
    pub spec: String,
    /// Byte range of the argument inside the string (for rewriting).
    range: std::ops::Range<usize>,
}

impl Placeholder {
    /// Whether the spec asks for `Debug` rather than `Display`.
    pub fn is_debug(&self) -> bool {
        self.spec.ends_with('?')
    }

    /// Whether this placeholder, without a spec, is all of `text` (`"{secs}"`).
    pub fn range_is_whole(&self, text: &str) -> bool {
        self.spec.is_empty() && self.range.start == 1 && self.range.end + 1 == text.len()
    }
}

/// Parses the placeholders of `text`, or says what is wrong with it.
pub fn parse(text: &str) -> Result<Vec<Placeholder>, String> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' if bytes.get(i + 1) == Some(&b'{') => i += 2,
            b'}' if bytes.get(i + 1) == Some(&b'}') => i += 2,
            b'}' => {
                return Err(
                    "unmatched `}` in format string; write `}}` for a literal brace".into(),
                );
            }
            b'{' => {
                let Some(len) = text[i + 1..].find('}') else {
                    return Err(
                        "unclosed `{` in format string; write `{{` for a literal brace".into(),
                    );
                };
                let inner = &text[i + 1..i + 1 + len];
                let (arg, spec) = inner.split_once(':').unwrap_or((inner, ""));
                let start = i + 1;
                if spec.contains('$') || spec.contains('*') {
                    return Err(format!(
                        "`{{{inner}}}`: width and precision must be written as numbers here, not taken from arguments"
                    ));
                }
                let arg = parse_arg(arg.trim(), inner)?;
                out.push(Placeholder {
                    arg,
                    spec: spec.to_owned(),
                    range: start..start + inner.split(':').next().unwrap_or("").len(),
                });
                i += len + 2;
            }
            _ => i += 1,
        }
    }
    Ok(out)
}

fn parse_arg(arg: &str, placeholder: &str) -> Result<ArgRef, String> {
    if arg.is_empty() {
        return Err(format!(
            "`{{{placeholder}}}` does not say which field to show; name it, as in `{{0}}` or `{{field}}`"
        ));
    }
    if arg.bytes().all(|b| b.is_ascii_digit()) {
        return arg
            .parse()
            .map(ArgRef::Index)
            .map_err(|_| format!("field index `{arg}` is too large"));
    }
    let mut chars = arg.chars();
    let starts_well = chars.next().is_some_and(|c| c == '_' || c.is_alphabetic());
    if starts_well && chars.all(|c| c == '_' || c.is_alphanumeric()) {
        Ok(ArgRef::Name(arg.to_owned()))
    } else {
        Err(format!(
            "`{{{arg}}}` is not a field; name a field, as in `{{0}}` or `{{field}}`"
        ))
    }
}

/// `text` with each placeholder's argument replaced by `rename(arg)`.
pub fn rewrite(
    text: &str,
    placeholders: &[Placeholder],
    rename: impl Fn(&ArgRef) -> String,
) -> String {
    let mut out = String::with_capacity(text.len() + 8 * placeholders.len());
    let mut last = 0;
    for placeholder in placeholders {
        out.push_str(&text[last..placeholder.range.start]);
        out.push_str(&rename(&placeholder.arg));
        last = placeholder.range.end;
    }
    out.push_str(&text[last..]);
    out
}

/// A format string without placeholders as the text it formats to: `{{` -> `{`, `}}` -> `}`.
pub fn unescape(text: &str) -> String {
    text.replace("{{", "{").replace("}}", "}")
}

#[cfg(test)]
mod tests {
    use super::{ArgRef, parse, rewrite};

    #[test]
    fn finds_named_and_indexed_fields() {
        let found = parse("user {0} ({name:?}) has {{braces}} and {count:>4}").unwrap();
        let args: Vec<_> = found.iter().map(|p| p.arg.clone()).collect();
        assert_eq!(
            args,
            [
                ArgRef::Index(0),
                ArgRef::Name("name".into()),
                ArgRef::Name("count".into())
            ]
        );
        assert!(found[1].is_debug());
        assert!(!found[2].is_debug());
        assert_eq!(found[2].spec, ">4");
    }

    #[test]
    fn rewrites_arguments_only() {
        let text = "user {0} ({name:?}) {{0}}";
        let found = parse(text).unwrap();
        let out = rewrite(text, &found, |arg| match arg {
            ArgRef::Index(i) => format!("__field{i}"),
            ArgRef::Name(n) => format!("__field_{n}"),
        });
        assert_eq!(out, "user {__field0} ({__field_name:?}) {{0}}");
    }

    #[test]
    fn knows_a_placeholder_that_is_the_whole_text() {
        let whole = parse("{secs}").unwrap();
        assert!(whole[0].range_is_whole("{secs}"));
        let text = "{secs} s";
        assert!(!parse(text).unwrap()[0].range_is_whole(text));
        let text = "{secs:>4}";
        assert!(!parse(text).unwrap()[0].range_is_whole(text));
    }

    #[test]
    fn unescapes_static_text() {
        assert_eq!(super::unescape("a {{b}} c"), "a {b} c");
    }

    #[test]
    fn rejects_malformed_strings() {
        assert!(parse("{}").unwrap_err().contains("which field"));
        assert!(parse("{:?}").unwrap_err().starts_with("`{:?}`"));
        assert!(parse("{0:>w$}").unwrap_err().contains("numbers"));
        assert!(parse("{0:.*}").unwrap_err().contains("numbers"));
        assert!(parse("open {").unwrap_err().contains("unclosed"));
        assert!(parse("close }").unwrap_err().contains("unmatched"));
        assert!(parse("{a-b}").unwrap_err().contains("not a field"));
        assert!(
            parse("{99999999999999999999999}")
                .unwrap_err()
                .contains("too large")
        );
        assert!(parse("plain text").unwrap().is_empty());
    }
}
