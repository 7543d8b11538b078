//! Checks a user's `sql_type = "..."`: it is written into `CREATE TABLE` as it is, so it must be
//! one plain column type (`JSONB`, `VARCHAR(64)`, `NUMERIC(10, 2)`, `DOUBLE PRECISION`,
//! `TEXT[]`) and nothing that could end the column, start another one, or add a constraint.

/// Words that start a constraint or a clause rather than name a type: pact writes those itself
/// (`NOT NULL` from the field's type, keys from `id`, `unique` and `indexed`).
const CLAUSES: &[&str] = &[
    "AS",
    "AUTOINCREMENT",
    "AUTO_INCREMENT",
    "CHECK",
    "COLLATE",
    "CONSTRAINT",
    "DEFAULT",
    "FOREIGN",
    "GENERATED",
    "IDENTITY",
    "KEY",
    "NOT",
    "NULL",
    "ON",
    "PRIMARY",
    "REFERENCES",
    "UNIQUE",
];

/// `Err(message)` when `value` is not one plain column type.
pub fn check(value: &str) -> Result<(), String> {
    if value.trim().is_empty() {
        return Err("`sql_type` is empty; name a column type such as \"JSONB\"".to_owned());
    }
    if value.trim() != value || value.contains("  ") {
        return Err(format!(
            "`sql_type` has stray spaces; write `sql_type = \"{}\"`",
            value.split_whitespace().collect::<Vec<_>>().join(" ")
        ));
    }
    if let Some(bad) = value.chars().find(|c| !allowed(*c)) {
        return Err(format!(
            "`sql_type` must be one plain column type such as \"JSONB\" or \"VARCHAR(64)\"; {} cannot appear in it",
            describe(bad)
        ));
    }
    let mut depth = 0_u32;
    for (i, c) in value.char_indices() {
        match c {
            '(' if depth > 0 => {
                return Err(
                    "`sql_type` has nested parentheses; a column type takes one list of arguments, as in \"NUMERIC(10, 2)\""
                        .to_owned(),
                );
            }
            '(' => depth = 1,
            ')' if depth == 0 => {
                return Err("`sql_type` has a `)` without its `(`".to_owned());
            }
            ')' => depth = 0,
            ',' if depth == 0 => {
                return Err(format!(
                    "`sql_type` names one column type, but a `,` outside parentheses starts another column; did you mean `sql_type = \"{}\"`? Each column is a field",
                    value[..i].trim_end()
                ));
            }
            _ => {}
        }
    }
    if depth > 0 {
        return Err(format!(
            "`sql_type` has a `(` that is never closed; did you mean `sql_type = \"{value})\"`?"
        ));
    }
    check_words(value)
}

fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, ' ' | '(' | ')' | ',' | '_' | '[' | ']')
}

fn describe(c: char) -> String {
    match c {
        ';' => "`;` (it would end the statement)".to_owned(),
        '\'' | '"' | '`' => format!("the quote `{c}`"),
        '-' | '/' | '*' | '#' => format!("`{c}` (it could start a comment)"),
        c if c.is_control() || c.is_whitespace() => {
            format!("the character U+{:04X} (only plain spaces)", u32::from(c))
        }
        c => format!("`{c}`"),
    }
}

/// The shape: words, each optionally followed by one `(arguments)` and `[]` suffixes; the first
/// word starts with a letter; no word is a constraint keyword.
fn check_words(value: &str) -> Result<(), String> {
    // Outside parentheses, every piece is a word or `[]`; arguments are words or numbers.
    let mut rest = value;
    let mut first = true;
    while !rest.is_empty() {
        rest = rest.trim_start_matches(' ');
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let (word, after) = rest.split_at(end);
        if word.is_empty() {
            return Err(format!(
                "`sql_type` must start each part with a type name, as in \"VARCHAR(64)\" or \"TEXT[]\"; found `{}`",
                rest.chars().next().unwrap_or(' ')
            ));
        }
        if first && !word.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return Err(format!(
                "`sql_type` must start with a type name, not `{word}`"
            ));
        }
        first = false;
        if [
            "SERIAL",
            "BIGSERIAL",
            "SMALLSERIAL",
            "SERIAL2",
            "SERIAL4",
            "SERIAL8",
        ]
        .iter()
        .any(|serial| serial.eq_ignore_ascii_case(word))
        {
            return Err(format!(
                "`sql_type` is the column's type only; `{word}` also adds a sequence and a default: for an id the database assigns, write `#[repo(id, generated)]` on an integer field"
            ));
        }
        if let Some(clause) = CLAUSES
            .iter()
            .find(|clause| clause.eq_ignore_ascii_case(word))
        {
            return Err(format!(
                "`sql_type` is the column's type only; `{clause}` starts a constraint, which pact writes itself (`NOT NULL` unless the field is an `Option`, keys from `id`, `unique` and `indexed`)"
            ));
        }
        rest = after;
        if let Some(args) = rest.strip_prefix('(') {
            let close = args.find(')').unwrap_or(args.len());
            for arg in args[..close].split(',') {
                let arg = arg.trim_matches(' ');
                let plain = !arg.is_empty()
                    && !arg.contains(' ')
                    && arg.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                if !plain {
                    return Err(format!(
                        "`sql_type` arguments are numbers or names separated by commas, as in \"NUMERIC(10, 2)\"; found `({})`",
                        &args[..close]
                    ));
                }
            }
            rest = &args[(close + 1).min(args.len())..];
        }
        while let Some(after) = rest.strip_prefix("[]") {
            rest = after;
        }
        if !(rest.is_empty() || rest.starts_with(' ')) {
            return Err(format!(
                "`sql_type` must separate the parts of a type with spaces, as in \"DOUBLE PRECISION\"; found `{rest}`"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn plain_types_pass() {
        for ok in [
            "JSONB",
            "VARCHAR(64)",
            "NUMERIC(10, 2)",
            "NUMERIC(10,2)",
            "DOUBLE PRECISION",
            "TIMESTAMP WITH TIME ZONE",
            "INT UNSIGNED",
            "TEXT[]",
            "INTEGER[][]",
            "VARCHAR(64) CHARACTER SET utf8mb4",
            "GEOMETRY(Point, 4326)",
            "bigint",
        ] {
            assert_eq!(check(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn anything_else_fails() {
        for bad in [
            "",
            " ",
            "TEXT, is_admin BOOLEAN",
            "VARCHAR(10",
            "VARCHAR10)",
            "NUMERIC((10))",
            "TEXT; DROP TABLE users",
            "TEXT -- comment",
            "TEXT /* c */",
            "TEXT 'x'",
            "TEXT \"x\"",
            "TEXT NOT NULL",
            "INTEGER PRIMARY KEY",
            "INTEGER DEFAULT 5",
            "INTEGER REFERENCES users",
            "TEXT COLLATE C",
            "TEXT UNIQUE",
            "TEXT\tX",
            " TEXT",
            "TEXT ",
            "DOUBLE  PRECISION",
            "1TEXT",
            "VARCHAR()",
            "VARCHAR(1 2)",
            "VARCHAR(1,)",
            "VARCHAR(64)X",
            "TEXT[1]",
            "[]",
            "TEXT\u{202e}",
            "SERIAL",
            "bigserial",
        ] {
            assert!(check(bad).is_err(), "{bad:?} passed");
        }
    }
}
