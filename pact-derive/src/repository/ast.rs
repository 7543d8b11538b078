//! The checked model of an entity: what `valid` builds and `expand` and `sql` read.

use syn::{Expr, Ident, Path, Type, Visibility};

use super::types::{Kind, Param};

pub struct Entity<'a> {
    pub ident: &'a Ident,
    pub vis: &'a Visibility,
    pub krate: Path,
    pub table: String,
    pub max_page_size: Option<u32>,
    /// The repository trait's name: `trait_name = ...`, else `<Entity>Repository`.
    pub trait_ident: Ident,
    /// The trait itself is in error (its name is taken, or two methods would share a name), so
    /// the fallback leaves it out.
    pub trait_in_error: bool,
    /// Every field, persisted or not, in declaration order.
    pub fields: Vec<Field<'a>>,
}

#[allow(clippy::struct_excessive_bools)] // one flag per `#[repo(...)]` key
pub struct Field<'a> {
    pub ident: &'a Ident,
    pub ty: &'a Type,
    /// The SQL column (the field's name unless `column = "..."`).
    pub column: String,
    /// `None` for a field with `#[repo(skip)]`; its value comes from `default`.
    pub stored: Option<Stored>,
    pub default: Option<Expr>,
}

#[allow(clippy::struct_excessive_bools)] // one flag per `#[repo(...)]` key
pub struct Stored {
    /// The index among the persisted columns (`Entity::COLUMNS`).
    pub index: usize,
    pub id: bool,
    pub generated: bool,
    pub unique: bool,
    pub indexed: bool,
    pub sortable: bool,
    /// `#[repo(version)]`: the optimistic-locking counter (an integer, at most one field).
    pub version: bool,
    /// `#[repo(created_at)]`, `#[repo(updated_at)]` or `#[repo(soft_delete)]` (at most one
    /// field each).
    pub lifecycle: Option<Lifecycle>,
    pub nullable: bool,
    pub kind: Kind,
    /// Column types for SQLite, PostgreSQL and MySQL.
    pub sql_types: [String; 3],
}

/// A timestamp the repository sets.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Lifecycle {
    /// Set on insert, never changed.
    CreatedAt,
    /// Set on insert and on every update.
    UpdatedAt,
    /// `Option<timestamp>`: set by `delete_by_id`, cleared by `restore_by_id`.
    SoftDelete,
}

impl Lifecycle {
    pub fn key(self) -> &'static str {
        match self {
            Self::CreatedAt => "created_at",
            Self::UpdatedAt => "updated_at",
            Self::SoftDelete => "soft_delete",
        }
    }
}

impl<'a> Entity<'a> {
    /// The field with this `#[repo(...)]` timestamp key, if any.
    pub fn lifecycle(&self, which: Lifecycle) -> Option<(&Field<'a>, &Stored)> {
        self.stored()
            .find(|(_, stored)| stored.lifecycle == Some(which))
    }

    /// Whether `update` leaves this column alone: the id (its `WHERE`), the version (set by
    /// the statement), `created_at` (never changes) and `soft_delete` (only live rows are
    /// updated, and they stay live).
    pub fn kept_by_update(stored: &Stored) -> bool {
        stored.id
            || stored.version
            || matches!(
                stored.lifecycle,
                Some(Lifecycle::CreatedAt | Lifecycle::SoftDelete)
            )
    }

    pub fn stored(&self) -> impl Iterator<Item = (&Field<'a>, &Stored)> {
        self.fields
            .iter()
            .filter_map(|field| field.stored.as_ref().map(|stored| (field, stored)))
    }

    pub fn id(&self) -> (&Field<'a>, &Stored) {
        self.stored()
            .find(|(_, stored)| stored.id)
            .expect("valid::build keeps exactly one id")
    }

    /// The `#[repo(version)]` column, if any.
    pub fn version(&self) -> Option<(&Field<'a>, &Stored)> {
        self.stored().find(|(_, stored)| stored.version)
    }

    /// Unique and indexed columns, which get finders.
    pub fn finders(&self) -> impl Iterator<Item = (&Field<'a>, &Stored)> {
        self.stored()
            .filter(|(_, stored)| stored.unique || stored.indexed)
    }

    pub fn trait_ident(&self) -> Ident {
        self.trait_ident.clone()
    }
}

impl Stored {
    pub fn param(&self) -> Param {
        self.kind.param()
    }
}
