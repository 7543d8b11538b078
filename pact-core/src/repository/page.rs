//! Paging: [`PageRequest`] in, [`Page`] out, sorted by a whitelisted [`Sort`] key.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Which way a [`Sort`] goes.
///
/// ```
/// use pact_core::repository::{Direction, Sort};
///
/// assert_eq!(Direction::default(), Direction::Asc);
/// assert_eq!(Sort::desc("name").direction, Direction::Desc);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Direction {
    /// Smallest first.
    #[default]
    Asc,
    /// Largest first.
    Desc,
}

/// A sort key: a field name the entity marks sortable, and a direction.
///
/// Ties (rows with equal values in the field) are broken by id, in the same direction: `name`
/// orders ties by ascending id, `-name` by descending id.
///
/// Sort keys usually come from a query string, so they parse from `"email"` (ascending) and
/// `"-email"` (descending). A key is only a request: the repository checks it against the
/// entity's whitelist of sortable fields and answers
/// [`RepoError::InvalidSort`](super::RepoError::InvalidSort) for anything else. It never
/// reaches SQL as text.
///
/// ```
/// use pact_core::repository::{Direction, Sort};
///
/// let sort: Sort = "-created_at".parse().unwrap();
/// assert_eq!(sort, Sort::desc("created_at"));
/// assert_eq!(sort.direction, Direction::Desc);
/// assert_eq!(sort.to_string(), "-created_at");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Sort {
    /// The field to sort by (the Rust field name, as the API exposes it).
    pub key: String,
    /// Ascending or descending.
    pub direction: Direction,
}

impl Sort {
    /// Sorts ascending by `key`.
    #[must_use]
    pub fn asc(key: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            direction: Direction::Asc,
        }
    }

    /// Sorts descending by `key`.
    #[must_use]
    pub fn desc(key: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            direction: Direction::Desc,
        }
    }
}

impl FromStr for Sort {
    type Err = std::convert::Infallible;

    /// `"-key"` sorts descending; `"key"` or `"+key"` ascending. Any text parses; the
    /// repository decides whether the key is allowed.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s.strip_prefix('-') {
            Some(key) => Self::desc(key),
            None => Self::asc(s.strip_prefix('+').unwrap_or(s)),
        })
    }
}

impl fmt::Display for Sort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.direction == Direction::Desc {
            f.write_str("-")?;
        }
        f.write_str(&self.key)
    }
}

impl Serialize for Sort {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Sort {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ok(text.parse().unwrap_or_else(|never| match never {}))
    }
}

/// Which page to read: an offset, a limit and an optional sort.
///
/// It deserializes from a query string such as `?offset=40&limit=20&sort=-email` (every member
/// optional), so a handler can take `Query<PageRequest>` directly. The repository clamps
/// `limit` to the entity's `MAX_PAGE_SIZE` and orders by id when no sort is given.
///
/// With a sort, rows whose sort keys are equal are ordered by id **in the sort's direction**:
/// ascending for `name`, descending for `-name`. So pages are stable, and a descending sort is
/// exactly the reverse of the ascending one. `None` comes first when ascending, last when
/// descending, on every backend.
///
/// ```
/// use pact_core::repository::{PageRequest, Sort};
///
/// let page: PageRequest = serde_json::from_str(r#"{"limit": 10, "sort": "-email"}"#).unwrap();
/// assert_eq!(page, PageRequest::new(0, 10).sorted(Sort::desc("email")));
/// assert_eq!(PageRequest::default().limit, PageRequest::DEFAULT_LIMIT);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct PageRequest {
    /// How many rows to skip.
    pub offset: u64,
    /// How many rows to return at most (clamped to the entity's `MAX_PAGE_SIZE`).
    pub limit: u32,
    /// The order; by id when `None`.
    pub sort: Option<Sort>,
}

impl PageRequest {
    /// The `limit` of [`PageRequest::default`].
    pub const DEFAULT_LIMIT: u32 = 20;

    /// Rows `offset..offset + limit`, ordered by id.
    #[must_use]
    pub const fn new(offset: u64, limit: u32) -> Self {
        Self {
            offset,
            limit,
            sort: None,
        }
    }

    /// The first `limit` rows, ordered by id.
    #[must_use]
    pub const fn first(limit: u32) -> Self {
        Self::new(0, limit)
    }

    /// The same rows in another order.
    #[must_use]
    pub fn sorted(mut self, sort: Sort) -> Self {
        self.sort = Some(sort);
        self
    }

    /// The limit clamped to `max`.
    #[must_use]
    pub fn clamped_limit(&self, max: u32) -> u32 {
        self.limit.min(max)
    }
}

impl Default for PageRequest {
    fn default() -> Self {
        Self::new(0, Self::DEFAULT_LIMIT)
    }
}

/// One page of rows and the total number of rows that match.
///
/// ```
/// use pact_core::repository::Page;
///
/// let page = Page { items: vec![1, 2], total: 5, offset: 0, limit: 2 };
/// assert!(page.has_next());
/// let page = page.map(|n| n * 10);
/// assert_eq!(page.items, [10, 20]);
/// assert_eq!(serde_json::to_value(&page).unwrap()["total"], 5);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    /// The rows of this page.
    pub items: Vec<T>,
    /// How many rows match in all.
    pub total: u64,
    /// The offset this page starts at.
    pub offset: u64,
    /// The limit that was applied (after clamping).
    pub limit: u32,
}

impl<T> Page<T> {
    /// Whether rows follow this page.
    #[must_use]
    pub fn has_next(&self) -> bool {
        self.offset.saturating_add(self.items.len() as u64) < self.total
    }

    /// Converts every row, for example into a response DTO: `page.map(UserResponse::from)`.
    #[must_use]
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            total: self.total,
            offset: self.offset,
            limit: self.limit,
        }
    }
}
