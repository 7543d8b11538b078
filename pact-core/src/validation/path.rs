//! Paths of values inside a request, built on the stack and rendered only for an error.

use std::fmt::{self, Debug, Display, Write};

/// Where a value sits inside the validated request: a linked list of segments on the stack,
/// so walking a valid request allocates nothing. Rendered (`address.street`, `tags[3]`,
/// `scores["k"]`) only when an error is recorded.
///
/// ```
/// use pact_core::validation::Path;
///
/// let root = Path::root();
/// let tags = root.field("tags");
/// assert_eq!(tags.index(3).to_string(), "tags[3]");
/// assert_eq!(root.field("scores").key(&"k").to_string(), r#"scores["k"]"#);
/// assert_eq!(root.field("address").field("street").to_string(), "address.street");
/// assert_eq!(root.to_string(), "");
/// ```
#[derive(Clone, Copy)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Segment<'a>,
}

#[derive(Clone, Copy)]
enum Segment<'a> {
    Root,
    Field(&'a str),
    Index(usize),
    Key(&'a dyn Debug),
}

impl<'a> Path<'a> {
    /// The request itself.
    #[must_use]
    pub const fn root() -> Path<'static> {
        Path {
            parent: None,
            segment: Segment::Root,
        }
    }

    /// A named field of the value at `self`.
    #[must_use]
    pub const fn field(&'a self, name: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Field(name),
        }
    }

    /// An element of the sequence at `self`.
    #[must_use]
    pub const fn index(&'a self, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Index(index),
        }
    }

    /// The value under `key` in the map at `self`; the key is shown with `Debug`, so string
    /// keys are quoted: `scores["k"]`.
    #[must_use]
    pub const fn key(&'a self, key: &'a dyn Debug) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Key(key),
        }
    }
}

impl Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(parent) = self.parent {
            Display::fmt(parent, f)?;
        }
        match self.segment {
            Segment::Root => Ok(()),
            Segment::Field(name) => {
                let parent_is_root = self
                    .parent
                    .is_none_or(|p| matches!(p.segment, Segment::Root));
                if !parent_is_root {
                    f.write_char('.')?;
                }
                f.write_str(name)
            }
            Segment::Index(index) => write!(f, "[{index}]"),
            Segment::Key(key) => write!(f, "[{key:?}]"),
        }
    }
}

impl Debug for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Path({self})")
    }
}
