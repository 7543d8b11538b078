//! Byte classes of RFC 3986 (URIs) and RFC 5322 (e-mail `atext`), as one lookup table.

/// `ALPHA / DIGIT / "-" / "." / "_" / "~"` (RFC 3986 `unreserved`).
pub(super) const UNRESERVED: u16 = 1;
/// `"!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "="` (RFC 3986 `sub-delims`).
pub(super) const SUB_DELIM: u16 = 1 << 1;
/// `":"`.
pub(super) const COLON: u16 = 1 << 2;
/// `"@"`.
pub(super) const AT: u16 = 1 << 3;
/// `"/"`.
pub(super) const SLASH: u16 = 1 << 4;
/// `"?"`.
pub(super) const QUESTION: u16 = 1 << 5;
/// RFC 5322 `atext`: `ALPHA / DIGIT` and ``!#$%&'*+-/=?^_`{|}~``.
pub(super) const ATEXT: u16 = 1 << 6;

/// RFC 3986 `pchar` (less `pct-encoded`, which the scanners handle).
pub(super) const PCHAR: u16 = UNRESERVED | SUB_DELIM | COLON | AT;

const fn class(byte: u8) -> u16 {
    match byte {
        b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'~' => UNRESERVED | ATEXT,
        b'.' => UNRESERVED,
        b'!' | b'$' | b'&' | b'\'' | b'*' | b'+' | b'=' => SUB_DELIM | ATEXT,
        b'(' | b')' | b',' | b';' => SUB_DELIM,
        b'#' | b'%' | b'^' | b'`' | b'{' | b'|' | b'}' => ATEXT,
        b'/' => SLASH | ATEXT,
        b'?' => QUESTION | ATEXT,
        b':' => COLON,
        b'@' => AT,
        _ => 0,
    }
}

#[allow(clippy::cast_possible_truncation, reason = "the index is below 256")]
const fn table() -> [u16; 256] {
    let mut table = [0; 256];
    let mut index = 0;
    while index < 256 {
        table[index] = class(index as u8);
        index += 1;
    }
    table
}

static TABLE: [u16; 256] = table();

/// Whether `byte` belongs to one of the classes in `mask`.
#[inline]
pub(super) fn is(byte: u8, mask: u16) -> bool {
    TABLE[usize::from(byte)] & mask != 0
}

/// Whether `bytes` consists of bytes of `mask` and valid `%HH` escapes only.
#[inline]
pub(super) fn scan_escaped(bytes: &[u8], mask: u16) -> bool {
    let mut rest = bytes;
    while let Some((&byte, tail)) = rest.split_first() {
        if byte == b'%' {
            match tail {
                [high, low, after @ ..] if high.is_ascii_hexdigit() && low.is_ascii_hexdigit() => {
                    rest = after;
                }
                _ => return false,
            }
        } else if is(byte, mask) {
            rest = tail;
        } else {
            return false;
        }
    }
    true
}
