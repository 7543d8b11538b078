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
/// The bytes of an RFC 3986 scheme after its first: `ALPHA / DIGIT / "+" / "-" / "."`.
pub(super) const SCHEME: u16 = 1 << 7;

/// RFC 3986 `pchar` (less `pct-encoded`, which the scanners handle).
pub(super) const PCHAR: u16 = UNRESERVED | SUB_DELIM | COLON | AT;

const fn class(byte: u8) -> u16 {
    match byte {
        b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' => UNRESERVED | ATEXT | SCHEME,
        b'_' | b'~' => UNRESERVED | ATEXT,
        b'.' => UNRESERVED | SCHEME,
        b'+' => SUB_DELIM | ATEXT | SCHEME,
        b'!' | b'$' | b'&' | b'\'' | b'*' | b'=' => SUB_DELIM | ATEXT,
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

/// From `at`, skips the bytes of `mask` and the valid `%HH` escapes, and returns the index of
/// the first other byte (or the length, at the end); `None` at a `%` not followed by two
/// hexadecimal digits.
#[inline]
pub(super) fn scan(bytes: &[u8], mut at: usize, mask: u16) -> Option<usize> {
    while let Some(&byte) = bytes.get(at) {
        if is(byte, mask) {
            at += 1;
        } else if byte == b'%' {
            match bytes.get(at + 1..at + 3) {
                Some([high, low]) if high.is_ascii_hexdigit() && low.is_ascii_hexdigit() => {
                    at += 3;
                }
                _ => return None,
            }
        } else {
            break;
        }
    }
    Some(at)
}
