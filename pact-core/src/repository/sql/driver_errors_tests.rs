//! One case per row of each backend's table: the code, a message as the server words it, and
//! the typed error it must become. A row without a case fails `every_row_has_a_case`.

use super::{MYSQL, Meaning, POSTGRES, SQLITE, to_repo_error};
use crate::repository::{Column, Dialect, Entity, RepoError, Statements};

#[derive(Clone)]
struct Order {
    id: i64,
}

const S: Statements = Statements {
    create_table: &[],
    drop_table: "",
    select_by_id: "",
    select_all: "",
    select_page: "",
    count: "",
    exists: "",
    insert: "",
    update: "",
    delete_by_id: "",
    finders: &[],
    live: None,
    soft_delete: None,
    upserts: &[],
};

impl Entity for Order {
    type Id = i64;
    type IdBound = i64;
    type IdArg<'a> = i64;
    type Value<'a> = std::convert::Infallible;
    const NAME: &'static str = "Order";
    const TABLE: &'static str = "orders";
    const COLUMNS: &'static [Column] = &[
        Column::new("id", "id").id().generated().key("orders_pkey"),
        Column::new("sku_code", "sku")
            .unique()
            .max_len(255)
            .key("orders_sku_code_key"),
        Column::new("qty", "quantity"),
    ];
    fn id(&self) -> &i64 {
        &self.id
    }
    fn set_generated_id(&mut self, id: i64) -> Result<(), RepoError> {
        self.id = id;
        Ok(())
    }
    fn statements(_: Dialect) -> &'static Statements {
        &S
    }
    fn field(&self, column: usize) -> &dyn std::any::Any {
        match column {
            0 => &self.id,
            _ => &(),
        }
    }
    fn value_field<'v>(value: &'v Self::Value<'_>) -> (usize, crate::repository::FieldArg<'v>) {
        match *value {}
    }
    type Row = (i64,);
    const INSERT_COLUMNS: &'static [usize] = &[];
    const UPDATE_COLUMNS: &'static [usize] = &[0];
    fn from_row((id,): Self::Row) -> Self {
        Order { id }
    }
    type Dyn = dyn crate::repository::Backend<Self>;
    fn into_dyn<R: crate::repository::Backend<Self> + 'static>(
        repository: R,
    ) -> std::sync::Arc<Self::Dyn> {
        std::sync::Arc::new(repository)
    }
}

/// What a case expects: the status, the code, and the field the answer names.
type Expected = (u16, &'static str, Option<&'static str>);

fn answer(
    meaning: Meaning,
    message: &str,
    constraint: Option<&str>,
) -> (u16, String, Option<&'static str>) {
    use crate::ApiError as _;
    let err = to_repo_error::<Order>(meaning, message, constraint);
    let field = match &err {
        RepoError::Conflict { field, .. } | RepoError::InvalidValue { field, .. } => *field,
        _ => None,
    };
    (err.status().as_u16(), err.code().to_owned(), field)
}

fn check<K: PartialEq + Copy + std::fmt::Debug>(
    table: &[(K, Meaning)],
    cases: &[(K, &str, Option<&str>, Expected)],
) {
    for (code, meaning) in table {
        let case = cases.iter().find(|case| case.0 == *code);
        let Some((_, message, constraint, expected)) = case else {
            panic!("no case for {code:?}");
        };
        assert_eq!(
            answer(*meaning, message, *constraint),
            (expected.0, expected.1.to_owned(), expected.2),
            "{code:?}: {message}"
        );
    }
    assert_eq!(cases.len(), table.len(), "one case per row");
}

const CONFLICT_SKU: Expected = (409, "conflict", Some("sku"));
const CONFLICT_ID: Expected = (409, "conflict", Some("id"));
const TOO_LARGE: Expected = (413, "too_large", None);
const BUSY: Expected = (503, "repository_busy", None);

#[test]
fn sqlite_rows() {
    check(
        SQLITE,
        &[
            (
                "2067",
                "UNIQUE constraint failed: orders.sku_code",
                None,
                CONFLICT_SKU,
            ),
            (
                "1555",
                "UNIQUE constraint failed: orders.id",
                None,
                CONFLICT_ID,
            ),
            ("18", "string or blob too big", None, TOO_LARGE),
            ("5", "database is locked", None, BUSY),
            ("261", "database is locked", None, BUSY),
            ("517", "database is locked", None, BUSY),
            ("6", "database table is locked", None, BUSY),
            ("262", "database table is locked", None, BUSY),
        ],
    );
}

#[test]
fn postgres_rows() {
    check(
        POSTGRES,
        &[
            (
                "23505",
                "duplicate key value violates unique constraint \"orders_sku_code_key\"",
                Some("orders_sku_code_key"),
                CONFLICT_SKU,
            ),
            (
                "22001",
                "value too long for type character varying(255)",
                None,
                (422, "invalid_value", None),
            ),
            (
                "54000",
                "index row size 2720 exceeds btree version 4 maximum 2704 for index \"orders_sku_code_key\"",
                None,
                (422, "invalid_value", Some("sku")),
            ),
            (
                "22021",
                "invalid byte sequence for encoding \"UTF8\": 0x00",
                None,
                (422, "invalid_value", None),
            ),
            (
                "22P05",
                "unsupported Unicode escape sequence",
                None,
                (422, "invalid_value", None),
            ),
            (
                "22003",
                "numeric field overflow",
                None,
                (422, "invalid_value", None),
            ),
            ("40001", "could not serialize access", None, BUSY),
            ("40P01", "deadlock detected", None, BUSY),
            ("55P03", "could not obtain lock on row", None, BUSY),
            (
                "57014",
                "canceling statement due to statement timeout",
                None,
                BUSY,
            ),
            ("53300", "sorry, too many clients already", None, BUSY),
        ],
    );
}

#[test]
fn mysql_rows() {
    check(
        MYSQL,
        &[
            (
                1062,
                "Duplicate entry 'A-1' for key 'orders_sku_code_key'",
                None,
                CONFLICT_SKU,
            ),
            (
                1586,
                "Duplicate entry '7' for key 'PRIMARY'",
                None,
                CONFLICT_ID,
            ),
            (
                1242,
                "Subquery returns more than 1 row",
                None,
                (409, "conflict", None),
            ),
            (
                1406,
                "Data too long for column 'sku_code' at row 1",
                None,
                (422, "invalid_value", Some("sku")),
            ),
            (
                1366,
                "Incorrect string value: '\\xF0\\x9F' for column `test`.`orders`.`sku_code` at row 1",
                None,
                (422, "invalid_value", None),
            ),
            (
                1264,
                "Out of range value for column 'qty' at row 1",
                None,
                (422, "invalid_value", Some("quantity")),
            ),
            (
                1153,
                "Got a packet bigger than 'max_allowed_packet' bytes",
                None,
                TOO_LARGE,
            ),
            (
                1301,
                "Result of repeat() was larger than max_allowed_packet",
                None,
                TOO_LARGE,
            ),
            (1213, "Deadlock found when trying to get lock", None, BUSY),
            (
                1205,
                "Lock wait timeout exceeded; try restarting transaction",
                None,
                BUSY,
            ),
            (1040, "Too many connections", None, BUSY),
        ],
    );
}

#[test]
fn mysql_8_names_the_table_before_the_key() {
    assert_eq!(
        answer(
            Meaning::Unique,
            "Duplicate entry 'A-1' for key 'orders.orders_sku_code_key'",
            None
        ),
        (409, "conflict".to_owned(), Some("sku"))
    );
}

#[test]
fn an_unknown_key_names_no_field() {
    assert_eq!(
        answer(Meaning::Unique, "duplicate", Some("other_key")),
        (409, "conflict".to_owned(), None)
    );
}
