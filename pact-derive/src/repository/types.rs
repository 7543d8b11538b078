//! Field types: which SQL column type each dialect stores them in, whether they are integers
//! (for generated ids), and how finders take them as parameters.

use syn::{GenericArgument, PathArguments, Type};

/// What the derive knows about a field's Rust type.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Int(&'static str),
    Float(&'static str),
    Bool,
    Text,
    Bytes,
    Uuid,
    /// chrono or time date/time types: `(sqlite, postgres, mysql)` column types.
    Temporal(&'static str, &'static str, &'static str),
    /// A type the derive does not know; it needs `sql_type = "..."`.
    Other,
}

/// How a finder (and `find_by_id`) takes a value of the field's type.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Param {
    /// `Copy` scalars, by value: `id: i64`.
    Value,
    /// `String` as `&str`.
    Str,
    /// `Vec<u8>` as `&[u8]`.
    Slice,
    /// Anything else by reference: `value: &T`.
    Ref,
}

/// `T` for `Option<T>`, else `None`.
pub fn option_inner(ty: &Type) -> Option<&Type> {
    let segment = last_segment(ty)?;
    if segment.ident != "Option" {
        return None;
    }
    first_type_arg(&segment.arguments)
}

pub fn kind(ty: &Type) -> Kind {
    let Some(segment) = last_segment(ty) else {
        return Kind::Other;
    };
    let name = segment.ident.to_string();
    match name.as_str() {
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" => Kind::Int(int_name(&name)),
        "f32" | "f64" => Kind::Float(if name == "f32" { "f32" } else { "f64" }),
        "bool" => Kind::Bool,
        "String" => Kind::Text,
        "Uuid" => Kind::Uuid,
        "Vec" if first_type_arg(&segment.arguments).is_some_and(|arg| is_ident(arg, "u8")) => {
            Kind::Bytes
        }
        "DateTime" | "OffsetDateTime" => Kind::Temporal("TEXT", "TIMESTAMPTZ", "DATETIME(6)"),
        "NaiveDateTime" | "PrimitiveDateTime" => Kind::Temporal("TEXT", "TIMESTAMP", "DATETIME(6)"),
        "NaiveDate" | "Date" => Kind::Temporal("TEXT", "DATE", "DATE"),
        "NaiveTime" | "Time" => Kind::Temporal("TEXT", "TIME", "TIME(6)"),
        _ => Kind::Other,
    }
}

fn int_name(name: &str) -> &'static str {
    ["i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64"]
        .into_iter()
        .find(|candidate| *candidate == name)
        .unwrap_or("i64")
}

impl Kind {
    pub fn param(self) -> Param {
        match self {
            Self::Int(_) | Self::Float(_) | Self::Bool | Self::Uuid | Self::Temporal(..) => {
                Param::Value
            }
            Self::Text => Param::Str,
            Self::Bytes => Param::Slice,
            Self::Other => Param::Ref,
        }
    }

    /// The column type per dialect (`sqlite`, `postgres`, `mysql`). `key` columns (id, unique,
    /// indexed) need a bounded type in MySQL.
    pub fn sql(self, key: bool) -> Option<[&'static str; 3]> {
        Some(match self {
            Self::Int(name) => match name {
                "i8" => ["INTEGER", "SMALLINT", "TINYINT"],
                "u8" => ["INTEGER", "SMALLINT", "TINYINT UNSIGNED"],
                "i16" => ["INTEGER", "SMALLINT", "SMALLINT"],
                "u16" => ["INTEGER", "INTEGER", "SMALLINT UNSIGNED"],
                "i32" => ["INTEGER", "INTEGER", "INT"],
                "u32" => ["INTEGER", "BIGINT", "INT UNSIGNED"],
                "u64" => ["INTEGER", "NUMERIC(20)", "BIGINT UNSIGNED"],
                _ => ["INTEGER", "BIGINT", "BIGINT"],
            },
            Self::Float("f32") => ["REAL", "REAL", "FLOAT"],
            Self::Float(_) => ["REAL", "DOUBLE PRECISION", "DOUBLE"],
            Self::Bool => ["BOOLEAN", "BOOLEAN", "BOOLEAN"],
            Self::Text if key => ["TEXT", "TEXT COLLATE \"C\"", "VARCHAR(255)"],
            Self::Text => ["TEXT", "TEXT COLLATE \"C\"", "LONGTEXT"],
            Self::Bytes if key => ["BLOB", "BYTEA", "VARBINARY(255)"],
            Self::Bytes => ["BLOB", "BYTEA", "LONGBLOB"],
            Self::Uuid => ["BLOB", "UUID", "BINARY(16)"],
            Self::Temporal(sqlite, postgres, mysql) => [sqlite, postgres, mysql],
            Self::Other => return None,
        })
    }
}

fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Path(path) if path.qself.is_none() => path.path.segments.last(),
        Type::Group(group) => last_segment(&group.elem),
        Type::Paren(paren) => last_segment(&paren.elem),
        _ => None,
    }
}

fn first_type_arg(arguments: &PathArguments) -> Option<&Type> {
    let PathArguments::AngleBracketed(args) = arguments else {
        return None;
    };
    args.args.iter().find_map(|arg| match arg {
        GenericArgument::Type(ty) => Some(ty),
        _ => None,
    })
}

fn is_ident(ty: &Type, name: &str) -> bool {
    last_segment(ty).is_some_and(|segment| segment.ident == name && segment.arguments.is_none())
}

/// The most characters (text) or bytes (`Vec<u8>`) a column of this SQL type holds, when the
/// type says: `VARCHAR(n)`, `CHAR(n)`, `VARBINARY(n)`, `BINARY(n)` (any case, `CHARACTER
/// VARYING(n)` too). pact checks it on every backend before any SQL, so a MySQL `VARCHAR(255)`
/// key bounds the same field on SQLite, PostgreSQL and memory.
pub fn max_len(kind: Kind, sql_type: &str) -> Option<u32> {
    if !matches!(kind, Kind::Text | Kind::Bytes) {
        return None;
    }
    let upper = sql_type.trim().to_ascii_uppercase();
    let (name, rest) = upper.split_once('(')?;
    let bounded = match kind {
        Kind::Text => ["VARCHAR", "CHAR", "CHARACTER VARYING", "CHARACTER"],
        _ => ["VARBINARY", "BINARY", "VARBINARY", "BINARY"],
    };
    if !bounded.contains(&name.trim()) {
        return None;
    }
    rest.strip_suffix(')')?.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::{Kind, max_len};

    #[test]
    fn bounded_types_give_their_length() {
        assert_eq!(max_len(Kind::Text, "VARCHAR(255)"), Some(255));
        assert_eq!(max_len(Kind::Text, "character varying( 64 )"), Some(64));
        assert_eq!(max_len(Kind::Bytes, "VARBINARY(255)"), Some(255));
        assert_eq!(max_len(Kind::Text, "LONGTEXT"), None);
        assert_eq!(max_len(Kind::Text, "TEXT COLLATE \"C\""), None);
        assert_eq!(max_len(Kind::Uuid, "BINARY(16)"), None);
        assert_eq!(max_len(Kind::Text, "VARBINARY(9)"), None);
    }
}
