//! The domain layer: the stored entities. `#[derive(Repository)]` writes their repository
//! traits (`UserRepository`, `NoteRepository`), the in-memory implementations the unit tests
//! use and the SQL ones (SQLite, PostgreSQL, MySQL/MariaDB), with the DDL that creates the
//! tables at start.

use pact::Repository;

/// An account. `password_hash` is an argon2 PHC string; it never leaves the service: the
/// response DTO (`dto::UserView`) maps every other field exhaustively and skips this one by
/// name, so a field added here breaks the build there instead of leaking.
#[derive(Debug, Clone, PartialEq, Eq, Repository)]
#[repo(table = "users", max_page_size = 100)]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(unique)]
    pub email: String,
    #[repo(sortable)]
    pub name: String,
    pub password_hash: String,
    /// `member` or `admin` (see [`Role`]).
    pub role: String,
    /// Optimistic locking: answered as the `ETag`, expected back in `If-Match`.
    #[repo(version)]
    pub version: i64,
}

/// A note that belongs to one user.
#[derive(Debug, Clone, PartialEq, Eq, Repository)]
#[repo(table = "notes", max_page_size = 100)]
pub struct Note {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(indexed)]
    pub owner_id: i64,
    #[repo(sortable)]
    pub title: String,
    pub body: String,
    #[repo(version)]
    pub version: i64,
}

/// What a user may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Changes their own resources only.
    Member,
    /// Changes anyone's.
    Admin,
}

impl Role {
    /// The stored spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Member => "member",
            Self::Admin => "admin",
        }
    }

    /// Reads the stored spelling; anything unknown is the least privileged role.
    pub fn parse(text: &str) -> Self {
        if text == "admin" {
            Self::Admin
        } else {
            Self::Member
        }
    }
}

impl User {
    /// The user's role.
    pub fn role(&self) -> Role {
        Role::parse(&self.role)
    }
}
