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
    /// A string key, written as its `Debug` form would be, without the formatting machinery
    /// when it holds only printable ASCII.
    StrKey(&'a str),
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

impl<'a> Path<'a> {
    /// The value under the string `key` in the map at `self`: the same path as
    /// [`key`](Path::key) with `&key`, rendered without going through `Debug` when the key is
    /// printable ASCII (what `#[derive(Dto)]` uses for maps keyed by `String`).
    ///
    /// ```
    /// use pact_core::validation::Path;
    ///
    /// let root = Path::root();
    /// let scores = root.field("scores");
    /// assert_eq!(scores.str_key("k").to_string(), r#"scores["k"]"#);
    /// assert_eq!(scores.str_key("a\"b").render(), scores.key(&"a\"b").render());
    /// ```
    #[must_use]
    pub const fn str_key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::StrKey(key),
        }
    }
}

impl Path<'_> {
    /// The path as text, as [`Display`] shows it, written straight into a `String` allocated
    /// once at its final size (unless a map key is involved, whose `Debug` form is measured as
    /// it is written).
    ///
    /// ```
    /// use pact_core::validation::Path;
    ///
    /// let root = Path::root();
    /// let tags = root.field("tags");
    /// assert_eq!(tags.index(3).field("name").render(), "tags[3].name");
    /// assert_eq!(root.render(), "");
    /// ```
    #[must_use]
    #[inline]
    pub fn render(&self) -> String {
        match self.top_level_field() {
            Some(name) => name.to_owned(),
            None => self.render_nested(),
        }
    }

    /// The field's name, when `self` is a field of the request itself (the common case): the
    /// rendered path.
    #[inline]
    pub(crate) fn top_level_field(&self) -> Option<&str> {
        match self.segment {
            Segment::Field(name) if Self::starts_fields(self.parent) => Some(name),
            _ => None,
        }
    }

    /// [`render`](Path::render) for every other path: the segments are gathered root first
    /// (on the stack, for paths up to 8 deep), measured, then written in one pass.
    pub(crate) fn render_nested(&self) -> String {
        const DEPTH: usize = 8;
        let mut chain: [&Path<'_>; DEPTH] = [self; DEPTH];
        let mut depth = 0;
        let mut len = 0;
        let mut at = Some(self);
        while let Some(path) = at {
            let Some(slot) = chain.get_mut(depth) else {
                return self.render_deep();
            };
            *slot = path;
            depth += 1;
            len += path.segment_len();
            at = path.parent;
        }
        let mut out = String::with_capacity(len);
        for path in chain[..depth].iter().rev() {
            path.render_segment(&mut out);
        }
        out
    }

    /// [`render_nested`](Path::render_nested) for a path too deep for its stack.
    #[cold]
    fn render_deep(&self) -> String {
        let mut len = 0;
        let mut at = Some(self);
        while let Some(path) = at {
            len += path.segment_len();
            at = path.parent;
        }
        let mut out = String::with_capacity(len);
        self.render_into(&mut out);
        out
    }

    /// Whether a field at `self` is written without a leading dot.
    fn starts_fields(parent: Option<&Path<'_>>) -> bool {
        parent.is_none_or(|p| matches!(p.segment, Segment::Root))
    }

    /// The length of this segment's text, counting 4 bytes for a map key.
    #[inline]
    fn segment_len(&self) -> usize {
        match self.segment {
            Segment::Root => 0,
            Segment::Field(name) => name.len() + usize::from(!Self::starts_fields(self.parent)),
            Segment::Index(index) => decimal_len(index as u64) + 2,
            Segment::Key(_) => 4,
            Segment::StrKey(key) => key.len() + 4,
        }
    }

    fn render_into(&self, out: &mut String) {
        if let Some(parent) = self.parent {
            parent.render_into(out);
        }
        self.render_segment(out);
    }

    /// Appends this segment's text.
    #[inline(always)]
    #[allow(
        clippy::inline_always,
        reason = "called once per segment in `render_nested`'s loop, where a call costs more than the work"
    )]
    fn render_segment(&self, out: &mut String) {
        match self.segment {
            Segment::Root => {}
            Segment::Field(name) => {
                if !Self::starts_fields(self.parent) {
                    out.push('.');
                }
                out.push_str(name);
            }
            Segment::Index(index) => {
                out.push('[');
                push_decimal(out, index as u64);
                out.push(']');
            }
            Segment::Key(key) => push_key(out, key),
            Segment::StrKey(key) => push_str_key(out, key),
        }
    }
}

/// Appends `[key]`, the key in its `Debug` form. Out of line, so that the other segments are
/// written in place.
#[inline(never)]
fn push_key(out: &mut String, key: &dyn Debug) {
    // Writing to a `String` cannot fail.
    let _ = write!(out, "[{key:?}]");
}

/// Appends `["key"]`, as `write!(out, "[{key:?}]")` would.
#[inline(never)]
fn push_str_key(out: &mut String, key: &str) {
    // Every byte looked at (no early exit), so that the loop runs over whole vectors.
    let special = |byte: u8| !matches!(byte, b' '..=b'~') || byte == b'"' || byte == b'\\';
    let plain = key
        .bytes()
        .fold(0_u8, |seen, byte| seen | u8::from(special(byte)))
        == 0;
    if plain {
        out.push_str("[\"");
        out.push_str(key);
        out.push_str("\"]");
    } else {
        // Writing to a `String` cannot fail.
        let _ = write!(out, "[{key:?}]");
    }
}

/// How many decimal digits `n` has.
pub(crate) fn decimal_len(n: u64) -> usize {
    n.checked_ilog10().map_or(1, |log| log as usize + 1)
}

/// Appends `n` in decimal, without the formatting machinery.
#[allow(
    clippy::cast_possible_truncation,
    reason = "`n % 10` is a single digit"
)]
pub(crate) fn push_decimal(out: &mut String, mut n: u64) {
    let digit = |n: u64| char::from(b'0' + (n % 10) as u8);
    // Bounds and indexes are mostly small: one or two digits without a buffer.
    if n < 10 {
        out.push(digit(n));
        return;
    }
    if n < 100 {
        out.push(digit(n / 10));
        out.push(digit(n));
        return;
    }
    let mut digits = [0_u8; 20];
    let mut at = digits.len();
    while n > 0 {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    for &byte in &digits[at..] {
        out.push(char::from(byte));
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
            Segment::StrKey(key) => write!(f, "[{key:?}]"),
        }
    }
}

impl Debug for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Path({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::Path;

    /// `depth` nested segments: fields, indexes and keys in turn.
    fn nest(depth: usize, at: &Path<'_>, check: &mut dyn FnMut(&Path<'_>)) {
        check(at);
        if depth == 0 {
            return;
        }
        match depth % 3 {
            0 => nest(depth - 1, &at.field("f"), check),
            1 => nest(depth - 1, &at.index(depth * 37), check),
            2 if depth.is_multiple_of(2) => nest(depth - 1, &at.key(&"k\"ey"), check),
            _ => nest(depth - 1, &at.str_key("k\u{e9}y"), check),
        }
    }

    #[test]
    fn rendering_matches_display_at_every_depth() {
        let mut seen = 0;
        nest(40, &Path::root(), &mut |path| {
            assert_eq!(path.render(), path.to_string());
            seen += 1;
        });
        assert_eq!(seen, 41);
        let root = Path::root();
        let empty = root.field("");
        assert_eq!(empty.field("x").render(), ".x");
        assert_eq!(root.index(0).field("a").render(), "[0].a");
    }

    #[test]
    fn string_keys_render_as_their_debug_form() {
        let root = Path::root();
        let map = root.field("m");
        for key in [
            "",
            "plain key",
            "quo\"te",
            "back\\slash",
            "tab\t",
            "\u{7f}",
            "é",
            "\u{301}x",
        ] {
            assert_eq!(map.str_key(key).render(), map.key(&key).render(), "{key:?}");
            assert_eq!(map.str_key(key).to_string(), map.key(&key).to_string());
        }
    }
}
