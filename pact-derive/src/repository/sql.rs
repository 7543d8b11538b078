//! The SQL of an entity, computed here at compile time for each dialect. Identifiers are
//! plain (checked in `valid`) and quoted; every value is a placeholder.

use std::fmt::Write;

use super::ast::{Entity, Lifecycle, Stored};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
    MySql,
}

impl Dialect {
    /// In pact-core's `Dialect::ALL` order, which indexes `Entity::STATEMENTS`.
    pub const ALL: [Self; 3] = [Self::Sqlite, Self::Postgres, Self::MySql];

    fn index(self) -> usize {
        self as usize
    }

    fn quote(self, ident: &str) -> String {
        match self {
            Self::MySql => format!("`{ident}`"),
            Self::Sqlite | Self::Postgres => format!("\"{ident}\""),
        }
    }

    fn placeholder(self, n: usize) -> String {
        match self {
            Self::Postgres => format!("${n}"),
            Self::Sqlite | Self::MySql => "?".to_owned(),
        }
    }
}

pub struct Statements {
    pub create_table: Vec<String>,
    pub drop_table: String,
    pub select_by_id: String,
    pub select_all: String,
    pub select_page: String,
    pub count: String,
    pub exists: String,
    pub insert: String,
    pub update: String,
    pub delete_by_id: String,
    pub finders: Vec<Finder>,
    /// `"deleted_at" IS NULL` for a `#[repo(soft_delete)]` entity.
    pub live: Option<String>,
    pub soft_delete: Option<SoftDelete>,
    pub upserts: Vec<Upsert>,
}

/// `upsert` on the id or `upsert_by_<field>` on a unique field.
pub struct Upsert {
    pub column: usize,
    pub sql: String,
    /// The statement returns the stored row (SQLite, PostgreSQL).
    pub returning: bool,
}

/// The statements of a `#[repo(soft_delete)]` entity that see deleted rows, restore or purge.
pub struct SoftDelete {
    pub select_by_id: String,
    pub select_page: String,
    pub count: String,
    pub restore: String,
    pub purge: String,
}

pub struct Finder {
    pub column: usize,
    pub select: String,
    pub select_page: String,
    pub count: String,
}

impl Statements {
    /// The text pact-core's `decode_statements` reads: one statement per line, in its order
    /// (lists led by their length, the soft-delete statements by `1` or `0`). Generated SQL
    /// holds no line break: identifiers and `sql_type`s are checked to be plain.
    pub fn encode(&self) -> String {
        let mut lines: Vec<String> = vec![
            self.drop_table.clone(),
            self.select_by_id.clone(),
            self.select_all.clone(),
            self.select_page.clone(),
            self.count.clone(),
            self.exists.clone(),
            self.insert.clone(),
            self.update.clone(),
            self.delete_by_id.clone(),
            self.live.clone().unwrap_or_default(),
            self.create_table.len().to_string(),
        ];
        lines.extend(self.create_table.iter().cloned());
        lines.push(self.finders.len().to_string());
        for finder in &self.finders {
            lines.push(finder.column.to_string());
            lines.push(finder.select.clone());
            lines.push(finder.select_page.clone());
            lines.push(finder.count.clone());
        }
        match &self.soft_delete {
            Some(soft) => lines.extend([
                "1".to_owned(),
                soft.select_by_id.clone(),
                soft.select_page.clone(),
                soft.count.clone(),
                soft.restore.clone(),
                soft.purge.clone(),
            ]),
            None => lines.push("0".to_owned()),
        }
        lines.push(self.upserts.len().to_string());
        for upsert in &self.upserts {
            lines.push(upsert.column.to_string());
            lines.push(upsert.sql.clone());
            lines.push(if upsert.returning { "1" } else { "0" }.to_owned());
        }
        debug_assert!(lines.iter().all(|line| !line.contains('\n')));
        lines.join("\n")
    }
}

pub fn statements(entity: &Entity<'_>, d: Dialect) -> Statements {
    let table = d.quote(&entity.table);
    let (id_field, id) = entity.id();
    let id_col = d.quote(&id_field.column);
    let columns: Vec<String> = entity.stored().map(|(f, _)| d.quote(&f.column)).collect();
    let select_all = format!("SELECT {} FROM {table}", columns.join(", "));
    let all_by_id = format!("WHERE {id_col} = {}", d.placeholder(1));
    let deleted = entity
        .lifecycle(Lifecycle::SoftDelete)
        .map(|(field, _)| d.quote(&field.column));
    let live = deleted.as_ref().map(|column| format!("{column} IS NULL"));
    // ` AND <live>` after a `WHERE`, `WHERE <live> ` before an `ORDER BY`.
    let and_live = live
        .as_ref()
        .map_or_else(String::new, |live| format!(" AND {live}"));
    let where_live = live
        .as_ref()
        .map_or_else(String::new, |live| format!(" WHERE {live}"));
    let by_id = format!("{all_by_id}{and_live}");
    let page = |first: usize| {
        format!(
            "ORDER BY {id_col} ASC LIMIT {} OFFSET {}",
            d.placeholder(first),
            d.placeholder(first + 1)
        )
    };
    let finders = entity
        .finders()
        .map(|(field, stored)| {
            let select = format!(
                "{select_all} WHERE {} = {}{and_live}",
                d.quote(&field.column),
                d.placeholder(1)
            );
            Finder {
                column: stored.index,
                select_page: format!("{select} {}", page(2)),
                count: format!(
                    "SELECT COUNT(*) FROM {table} WHERE {} = {}{and_live}",
                    d.quote(&field.column),
                    d.placeholder(1)
                ),
                select,
            }
        })
        .collect();
    Statements {
        create_table: create_table(entity, d),
        drop_table: format!("DROP TABLE IF EXISTS {table}"),
        select_by_id: format!("{select_all} {by_id}"),
        select_page: format!("{select_all}{where_live} {}", page(1)),
        count: format!("SELECT COUNT(*) FROM {table}{where_live}"),
        exists: format!("SELECT COUNT(*) FROM {table} {by_id}"),
        insert: insert(entity, d, id),
        update: update(entity, d, &and_live),
        delete_by_id: match &deleted {
            Some(column) => format!(
                "UPDATE {table} SET {column} = {} WHERE {id_col} = {} AND {column} IS NULL",
                d.placeholder(1),
                d.placeholder(2)
            ),
            None => format!("DELETE FROM {table} {by_id}"),
        },
        soft_delete: deleted.as_ref().map(|column| SoftDelete {
            select_by_id: format!("{select_all} {all_by_id}"),
            select_page: format!("{select_all} {}", page(1)),
            count: format!("SELECT COUNT(*) FROM {table}"),
            restore: format!(
                "UPDATE {table} SET {column} = NULL {all_by_id} AND {column} IS NOT NULL"
            ),
            purge: format!("DELETE FROM {table} {all_by_id}"),
        }),
        upserts: upserts(entity, d),
        live,
        select_all,
        finders,
    }
}

fn insert(entity: &Entity<'_>, d: Dialect, id: &Stored) -> String {
    let mut sql = insert_plain(entity, d);
    if id.generated && d == Dialect::Postgres {
        let (id_field, _) = entity.id();
        let _ = write!(sql, " RETURNING {}::int8", d.quote(&id_field.column));
    }
    sql
}

/// `INSERT INTO <table> (<every column but a generated id>) VALUES (...)`.
fn insert_plain(entity: &Entity<'_>, d: Dialect) -> String {
    let table = d.quote(&entity.table);
    let columns: Vec<String> = entity
        .stored()
        .filter(|(_, stored)| !stored.generated)
        .map(|(field, _)| d.quote(&field.column))
        .collect();
    if columns.is_empty() {
        match d {
            Dialect::MySql => format!("INSERT INTO {table} () VALUES ()"),
            Dialect::Sqlite | Dialect::Postgres => format!("INSERT INTO {table} DEFAULT VALUES"),
        }
    } else {
        let values: Vec<String> = (1..=columns.len()).map(|n| d.placeholder(n)).collect();
        format!(
            "INSERT INTO {table} ({}) VALUES ({})",
            columns.join(", "),
            values.join(", ")
        )
    }
}

/// One upsert per conflict target (an id the application chooses, each unique field): the
/// `INSERT` and, on a conflict on the target, an update of every column but the id, the
/// target and `created_at`, with the version incremented and a soft-delete mark cleared (the
/// inserted values hold none). MySQL's `ON DUPLICATE KEY` fires on any unique key: its first
/// assignment evaluates a subquery of two rows (error 1242) unless the row that conflicted
/// holds the target's value, so another key's conflict fails as on SQLite and PostgreSQL.
fn upserts(entity: &Entity<'_>, d: Dialect) -> Vec<Upsert> {
    let table = d.quote(&entity.table);
    let columns: Vec<String> = entity.stored().map(|(f, _)| d.quote(&f.column)).collect();
    entity
        .stored()
        .filter(|(_, stored)| (stored.id && !stored.generated) || stored.unique)
        .map(|(target_field, target)| {
            let target_col = d.quote(&target_field.column);
            let mut sets: Vec<String> = Vec::new();
            if d == Dialect::MySql {
                sets.push(format!(
                    "{target_col} = IF({target_col} <=> VALUES({target_col}), {target_col}, (SELECT 1 UNION ALL SELECT 2))"
                ));
            }
            for (field, stored) in entity.stored() {
                if stored.id
                    || stored.index == target.index
                    || stored.lifecycle == Some(Lifecycle::CreatedAt)
                {
                    continue;
                }
                let column = d.quote(&field.column);
                sets.push(match (stored.version, d) {
                    (true, Dialect::MySql) => format!("{column} = {column} + 1"),
                    (true, _) => format!("{column} = {table}.{column} + 1"),
                    (false, Dialect::MySql) => format!("{column} = VALUES({column})"),
                    (false, _) => format!("{column} = excluded.{column}"),
                });
            }
            if sets.is_empty() {
                sets.push(format!("{target_col} = excluded.{target_col}"));
            }
            let insert = insert_plain(entity, d);
            let sql = match d {
                Dialect::MySql => format!("{insert} ON DUPLICATE KEY UPDATE {}", sets.join(", ")),
                Dialect::Sqlite | Dialect::Postgres => format!(
                    "{insert} ON CONFLICT ({target_col}) DO UPDATE SET {} RETURNING {}",
                    sets.join(", "),
                    columns.join(", ")
                ),
            };
            Upsert {
                column: target.index,
                sql,
                returning: d != Dialect::MySql,
            }
        })
        .collect()
}

/// `UPDATE ... SET <every column but the id> WHERE <id> = ?`; with a version column, `SET
/// ..., <version> = <version> + 1 WHERE <id> = ? AND <version> = ?`, so the check and the
/// increment are one statement. `created_at` and `soft_delete` are not set, and a
/// `soft_delete` entity updates live rows only (`and_live`).
fn update(entity: &Entity<'_>, d: Dialect, and_live: &str) -> String {
    let table = d.quote(&entity.table);
    let (id_field, _) = entity.id();
    let id_col = d.quote(&id_field.column);
    let mut sets: Vec<String> = entity
        .stored()
        .filter(|(_, stored)| !Entity::kept_by_update(stored))
        .enumerate()
        .map(|(i, (field, _))| format!("{} = {}", d.quote(&field.column), d.placeholder(i + 1)))
        .collect();
    let params = sets.len();
    let version = entity.version().map(|(field, _)| d.quote(&field.column));
    if let Some(version) = &version {
        sets.push(format!("{version} = {version} + 1"));
    }
    if sets.is_empty() {
        sets.push(format!("{id_col} = {id_col}"));
    }
    let mut sql = format!(
        "UPDATE {table} SET {} WHERE {id_col} = {}{and_live}",
        sets.join(", "),
        d.placeholder(params + 1)
    );
    if let Some(version) = &version {
        let _ = write!(sql, " AND {version} = {}", d.placeholder(params + 2));
    }
    sql
}

fn create_table(entity: &Entity<'_>, d: Dialect) -> Vec<String> {
    let table = d.quote(&entity.table);
    let mut lines = Vec::new();
    for (field, stored) in entity.stored() {
        let ty = &stored.sql_types[d.index()];
        let column = d.quote(&field.column);
        let line = match (stored.id, stored.generated, d) {
            (true, true, Dialect::Sqlite) => format!("{column} INTEGER PRIMARY KEY AUTOINCREMENT"),
            (true, true, Dialect::Postgres) => format!(
                "{column} {ty} GENERATED BY DEFAULT AS IDENTITY CONSTRAINT {} PRIMARY KEY",
                d.quote(&primary_key(&entity.table))
            ),
            (true, false, Dialect::Postgres) => format!(
                "{column} {ty} NOT NULL CONSTRAINT {} PRIMARY KEY",
                d.quote(&primary_key(&entity.table))
            ),
            (true, true, Dialect::MySql) => {
                format!("{column} {ty} NOT NULL AUTO_INCREMENT PRIMARY KEY")
            }
            (true, false, _) => format!("{column} {ty} NOT NULL PRIMARY KEY"),
            (false, _, _) if stored.nullable => format!("{column} {ty}"),
            (false, _, _) => format!("{column} {ty} NOT NULL"),
        };
        lines.push(line);
    }
    for (field, _) in entity.stored().filter(|(_, stored)| stored.unique) {
        lines.push(format!(
            "CONSTRAINT {} UNIQUE ({})",
            d.quote(&unique_key(&entity.table, &field.column)),
            d.quote(&field.column)
        ));
    }
    let indexed = entity.stored().filter(|(_, stored)| stored.indexed);
    let mut statements = Vec::new();
    let mut after = Vec::new();
    for (field, _) in indexed {
        let name = d.quote(&index_key(&entity.table, &field.column));
        let column = d.quote(&field.column);
        match d {
            Dialect::MySql => lines.push(format!("INDEX {name} ({column})")),
            Dialect::Sqlite | Dialect::Postgres => after.push(format!(
                "CREATE INDEX IF NOT EXISTS {name} ON {table} ({column})"
            )),
        }
    }
    let options = match d {
        // Binary and NO PAD: text compares by code point, trailing spaces included. MySQL 8
        // lacks this MariaDB collation; the runtime substitutes `utf8mb4_0900_bin` there.
        Dialect::MySql => " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin",
        Dialect::Sqlite | Dialect::Postgres => "",
    };
    statements.push(format!(
        "CREATE TABLE IF NOT EXISTS {table} ({}){options}",
        lines.join(", ")
    ));
    statements.extend(after);
    statements
}

/// The longest identifier every backend keeps whole (PostgreSQL truncates at 63 bytes, MySQL
/// refuses more than 64).
const MAX_KEY_NAME: usize = 63;

/// The name of a unique constraint: `<table>_<column>_key`.
pub fn unique_key(table: &str, column: &str) -> String {
    key_name(&format!("{table}_{column}"), "key")
}

/// The name of an index: `<table>_<column>_idx`.
pub fn index_key(table: &str, column: &str) -> String {
    key_name(&format!("{table}_{column}"), "idx")
}

/// The name of PostgreSQL's primary key constraint: `<table>_pkey`.
pub fn primary_key(table: &str) -> String {
    key_name(table, "pkey")
}

/// `<base>_<suffix>`, or, when that is longer than 63 bytes, the start of `base`, a hash of
/// the whole name and the suffix: deterministic, distinct for distinct tables and columns, and
/// reported back by every backend as it was declared. Identifiers are ASCII (`valid` checks).
fn key_name(base: &str, suffix: &str) -> String {
    let full = format!("{base}_{suffix}");
    if full.len() <= MAX_KEY_NAME {
        return full;
    }
    let hash = fnv1a(full.as_bytes());
    let keep = MAX_KEY_NAME - suffix.len() - 10; // `_` + 8 hex digits + `_`
    format!("{}_{:08x}_{suffix}", &base[..keep], hash >> 32)
}

/// 64-bit FNV-1a: stable across compilers and platforms (unlike `DefaultHasher`).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::{index_key, primary_key, unique_key};

    #[test]
    fn short_names_are_kept() {
        assert_eq!(unique_key("users", "email"), "users_email_key");
        assert_eq!(index_key("users", "team_id"), "users_team_id_idx");
        assert_eq!(primary_key("users"), "users_pkey");
    }

    #[test]
    fn long_names_are_shortened_deterministically_and_stay_distinct() {
        let table = "t".repeat(63);
        let a = unique_key(&table, &format!("{}a", "c".repeat(62)));
        let b = unique_key(&table, &format!("{}b", "c".repeat(62)));
        assert_eq!(a.len(), 63);
        assert_eq!(b.len(), 63);
        assert_ne!(a, b, "the names differ only after the cut");
        assert!(a.ends_with("_key") && a.starts_with("ttt"), "{a}");
        assert_eq!(a, unique_key(&table, &format!("{}a", "c".repeat(62))));
        assert_eq!(primary_key(&table).len(), 63);
        assert_ne!(index_key(&table, "x"), unique_key(&table, "x"));
        // Exactly 63 bytes stays as it is.
        let fits = unique_key(&"u".repeat(55), "ab");
        assert_eq!(fits, format!("{}_ab_key", "u".repeat(55)));
    }
}
