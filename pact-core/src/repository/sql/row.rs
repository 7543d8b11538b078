//! [`SqlEntity`] for every entity, once: an entity names its stored fields' types as one tuple
//! ([`Entity::Row`], built back by [`Entity::from_row`]) and hands out each field by column
//! ([`Entity::field`]); the tuple's [`SqlRow`] impl decodes and binds them for any backend. The derive so generates no
//! code per backend, and a backend's binding is compiled only where a repository uses it.

use std::any::Any;

use super::{SqlBackend, SqlBind, SqlColumn, SqlDecode, SqlEntity};
use crate::repository::{Entity, FieldArg, RepoError};

/// A tuple of column types that `DB` decodes and binds: [`Entity::Row`] on a backend.
#[diagnostic::on_unimplemented(
    message = "a stored field of this entity cannot be a column of a `{DB}` table",
    label = "sqlx cannot store every field type in `{DB}`"
)]
pub trait SqlRow<DB: SqlBackend>: Sized + 'static {
    /// How many columns the tuple holds.
    const LEN: usize;

    /// Decodes the tuple from the row's columns `start..start + LEN`.
    ///
    /// # Errors
    /// [`RepoError::Backend`] when a column does not decode.
    fn decode(row: &DB::Row, start: usize) -> Result<Self, RepoError>;

    /// Binds `value`, a value of the `column`th type. With `finder`, a value no row can hold
    /// (text with a NUL character) binds nothing and is `false`.
    ///
    /// # Errors
    /// [`RepoError::Backend`] when `value` is not of that type or does not encode.
    fn bind(
        column: usize,
        value: &dyn Any,
        args: &mut DB::Arguments,
        finder: bool,
    ) -> Result<bool, RepoError>;
}

/// The stored fields of an entity wider than 16 columns: a tuple of [`SqlRow`] tuples.
#[derive(Debug, Clone, PartialEq)]
pub struct Wide<T>(pub T);

fn bind_as<DB: SqlBackend, T: SqlBind<DB> + 'static>(
    value: &dyn Any,
    args: &mut DB::Arguments,
    finder: bool,
) -> Result<bool, RepoError> {
    let value = value.downcast_ref::<T>().ok_or_else(|| {
        RepoError::backend(format!(
            "a value bound as `{}` is of another type",
            std::any::type_name::<T>()
        ))
    })?;
    if finder && !value.can_match() {
        return Ok(false);
    }
    value.bind(args)?;
    Ok(true)
}

fn no_column(column: usize) -> RepoError {
    RepoError::backend(format!("no column {column} in the row"))
}

macro_rules! tuple_rows {
    ($($len:literal: ($($index:tt $ty:ident),+);)+) => {$(
        impl<DB: SqlBackend, $($ty: SqlColumn<DB> + 'static),+> SqlRow<DB> for ($($ty,)+) {
            const LEN: usize = $len;

            #[inline]
            fn decode(row: &DB::Row, start: usize) -> Result<Self, RepoError> {
                Ok(($(<$ty as SqlDecode<DB>>::decode(row, start + $index)?,)+))
            }

            #[inline]
            fn bind(
                column: usize,
                value: &dyn Any,
                args: &mut DB::Arguments,
                finder: bool,
            ) -> Result<bool, RepoError> {
                match column {
                    $($index => bind_as::<DB, $ty>(value, args, finder),)+
                    _ => Err(no_column(column)),
                }
            }
        }
    )+};
}

tuple_rows! {
    1: (0 A);
    2: (0 A, 1 B);
    3: (0 A, 1 B, 2 C);
    4: (0 A, 1 B, 2 C, 3 D);
    5: (0 A, 1 B, 2 C, 3 D, 4 E);
    6: (0 A, 1 B, 2 C, 3 D, 4 E, 5 F);
    7: (0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G);
    8: (0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G, 7 H);
    9: (0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G, 7 H, 8 I);
    10: (0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G, 7 H, 8 I, 9 J);
    11: (0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G, 7 H, 8 I, 9 J, 10 K);
    12: (0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G, 7 H, 8 I, 9 J, 10 K, 11 L);
    13: (0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G, 7 H, 8 I, 9 J, 10 K, 11 L, 12 M);
    14: (0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G, 7 H, 8 I, 9 J, 10 K, 11 L, 12 M, 13 N);
    15: (0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G, 7 H, 8 I, 9 J, 10 K, 11 L, 12 M, 13 N, 14 O);
    16: (0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G, 7 H, 8 I, 9 J, 10 K, 11 L, 12 M, 13 N, 14 O, 15 P);
}

macro_rules! wide_rows {
    ($(($($part:ident),+);)+) => {$(
        impl<DB: SqlBackend, $($part: SqlRow<DB>),+> SqlRow<DB> for Wide<($($part,)+)> {
            const LEN: usize = 0 $(+ $part::LEN)+;

            #[inline]
            fn decode(row: &DB::Row, start: usize) -> Result<Self, RepoError> {
                let mut at = start;
                Ok(Wide(($({
                    let part = $part::decode(row, at)?;
                    at += $part::LEN;
                    let _ = at;
                    part
                },)+)))
            }

            #[inline]
            fn bind(
                column: usize,
                value: &dyn Any,
                args: &mut DB::Arguments,
                finder: bool,
            ) -> Result<bool, RepoError> {
                let mut at = 0;
                $(
                    if column < at + $part::LEN {
                        return $part::bind(column - at, value, args, finder);
                    }
                    at += $part::LEN;
                )+
                let _ = at;
                Err(no_column(column))
            }
        }
    )+};
}

wide_rows! {
    (A, B);
    (A, B, C);
    (A, B, C, D);
    (A, B, C, D, E);
    (A, B, C, D, E, F);
    (A, B, C, D, E, F, G);
    (A, B, C, D, E, F, G, H);
    (A, B, C, D, E, F, G, H, I);
    (A, B, C, D, E, F, G, H, I, J);
    (A, B, C, D, E, F, G, H, I, J, K);
    (A, B, C, D, E, F, G, H, I, J, K, L);
    (A, B, C, D, E, F, G, H, I, J, K, L, M);
    (A, B, C, D, E, F, G, H, I, J, K, L, M, N);
    (A, B, C, D, E, F, G, H, I, J, K, L, M, N, O);
    (A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P);
}

fn bind_columns<DB: SqlBackend, E: Entity>(
    entity: &E,
    columns: &[usize],
    args: &mut DB::Arguments,
) -> Result<(), RepoError>
where
    E::Row: SqlRow<DB>,
{
    for &column in columns {
        <E::Row as SqlRow<DB>>::bind(column, entity.field(column), args, false)?;
    }
    Ok(())
}

impl<DB: SqlBackend, E: Entity> SqlEntity<DB> for E
where
    E::Row: SqlRow<DB>,
    str: SqlBind<DB>,
    [u8]: SqlBind<DB>,
{
    #[inline]
    fn decode_row(row: &DB::Row) -> Result<Self, RepoError> {
        <E::Row as SqlRow<DB>>::decode(row, 0).map(E::from_row)
    }

    fn bind_insert(&self, args: &mut DB::Arguments) -> Result<(), RepoError> {
        bind_columns::<DB, E>(self, E::INSERT_COLUMNS, args)
    }

    fn bind_update(&self, args: &mut DB::Arguments) -> Result<(), RepoError> {
        bind_columns::<DB, E>(self, E::UPDATE_COLUMNS, args)
    }

    #[inline]
    fn bind_id(&self, args: &mut DB::Arguments) -> Result<(), RepoError> {
        bind_columns::<DB, E>(self, &[E::ID_COLUMN], args)
    }

    fn bind_value(value: &Self::Value<'_>, args: &mut DB::Arguments) -> Result<bool, RepoError> {
        match E::value_field(value) {
            (_, FieldArg::Str(text)) => crate::__private::bind_value::<DB, str>(text, args),
            (_, FieldArg::Bytes(bytes)) => crate::__private::bind_value::<DB, [u8]>(bytes, args),
            (column, FieldArg::Field(value)) => {
                <E::Row as SqlRow<DB>>::bind(column, value, args, true)
            }
        }
    }

    fn bind_unique(&self, column: usize, args: &mut DB::Arguments) -> Result<(), RepoError> {
        if !E::COLUMNS.get(column).is_some_and(|c| c.unique) {
            return Err(RepoError::backend(format!(
                "{} has no unique column {column}",
                E::NAME
            )));
        }
        bind_columns::<DB, E>(self, &[column], args)
    }

    fn bind_deleted_at(now: i64, args: &mut DB::Arguments) -> Result<(), RepoError> {
        let Some(column) = E::SOFT_DELETE_COLUMN else {
            return Err(RepoError::backend(format!(
                "{} has no `#[repo(soft_delete)]` field",
                E::NAME
            )));
        };
        E::deleted_at(now, &mut |value| {
            <E::Row as SqlRow<DB>>::bind(column, value, args, false).map(drop)
        })
    }
}
