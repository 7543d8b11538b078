//! Table and column names: written into SQL at compile time, so each must be a plain
//! identifier that every backend accepts as it is, and no two columns may be one column to a
//! backend that ignores case.

/// PostgreSQL truncates longer identifiers (63 bytes); MySQL allows 64.
pub const MAX_IDENT: usize = 63;

/// Table-name prefixes a backend keeps for its own tables (matched ignoring case).
const RESERVED_TABLE_PREFIXES: &[(&str, &str)] = &[
    (
        "sqlite_",
        "SQLite keeps names starting with `sqlite_` for its own tables",
    ),
    (
        "pg_",
        "PostgreSQL keeps names starting with `pg_` for its catalogs, which are searched first",
    ),
];

/// PostgreSQL's system columns (a table cannot have a column with one of these names), and the
/// name suggested instead.
const SYSTEM_COLUMNS: &[(&str, &str)] = &[
    ("tableoid", "table_oid"),
    ("xmin", "x_min"),
    ("cmin", "c_min"),
    ("xmax", "x_max"),
    ("cmax", "c_max"),
    ("ctid", "c_tid"),
];

/// `Err(message)` unless `value` is a plain identifier short enough for every backend; `what`
/// is `"table"` or `"column"`.
pub fn check_ident(value: &str, what: &str) -> Result<(), String> {
    let mut chars = value.chars();
    let plain = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !plain {
        return Err(format!(
            "the {what} name must be a plain identifier (letters, digits and `_`, not starting with a digit), as in \"user_accounts\""
        ));
    }
    if value.len() > MAX_IDENT {
        return Err(format!(
            "the {what} name is {} characters long; PostgreSQL keeps only {MAX_IDENT}",
            value.len()
        ));
    }
    Ok(())
}

/// `Err(message)` when a backend reserves the table name `value`.
pub fn check_table(value: &str) -> Result<(), String> {
    check_ident(value, "table")?;
    for (prefix, why) in RESERVED_TABLE_PREFIXES {
        let reserved = value
            .get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix));
        if reserved {
            let rest = value[prefix.len()..].trim_start_matches('_');
            let suggestion = if rest.is_empty() { "app_table" } else { rest };
            return Err(format!(
                "the table name `{value}` is reserved: {why}; choose another, such as \"{suggestion}\""
            ));
        }
    }
    Ok(())
}

/// `Err(message)` when a backend reserves the column name `value`.
pub fn check_column(value: &str) -> Result<(), String> {
    check_ident(value, "column")?;
    if let Some((_, instead)) = SYSTEM_COLUMNS.iter().find(|(name, _)| *name == value) {
        return Err(format!(
            "the column name `{value}` is a PostgreSQL system column; store it under another name with `#[repo(column = \"{instead}\")]`"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{check_column, check_table};

    #[test]
    fn reserved_names_fail_and_others_pass() {
        for bad in ["sqlite_users", "SQLITE_x", "pg_users", "Pg_x", "pg_", ""] {
            assert!(check_table(bad).is_err(), "{bad}");
        }
        for ok in ["users", "pgusers", "sqlite", "_pg_x", "user_pg_"] {
            assert_eq!(check_table(ok), Ok(()), "{ok}");
        }
        for bad in ["xmin", "ctid", "tableoid", "cmax"] {
            assert!(check_column(bad).is_err(), "{bad}");
        }
        for ok in ["x_min", "Xmin", "oid", "rowid", "ymin"] {
            assert_eq!(check_column(ok), Ok(()), "{ok}");
        }
        assert!(check_column(&"c".repeat(64)).is_err());
        assert_eq!(check_column(&"c".repeat(63)), Ok(()));
    }
}
