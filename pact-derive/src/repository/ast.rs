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
    pub nullable: bool,
    pub kind: Kind,
    /// Column types for SQLite, PostgreSQL and MySQL.
    pub sql_types: [String; 3],
}

impl<'a> Entity<'a> {
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
