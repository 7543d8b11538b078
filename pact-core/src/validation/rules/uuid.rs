//! `uuid`.

use super::{AsStr, RuleError, check};

/// Checks that a string is a UUID in the hyphenated form of RFC 9562 §4:
/// `8-4-4-4-12` hexadecimal digits, either case, such as
/// `f81d4fae-7dec-11d0-a765-00a0c91e6bf6`.
///
/// Any version and variant passes, including the Nil and Max UUIDs; braces, the `urn:uuid:`
/// prefix and the unhyphenated 32-digit form do not.
///
/// ```
/// use pact_core::validation::rules::uuid;
///
/// assert!(uuid("f81d4fae-7dec-11d0-a765-00a0c91e6bf6").is_ok());
/// assert!(uuid("F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6").is_ok());
/// assert!(uuid("f81d4fae7dec11d0a76500a0c91e6bf6").is_err());
/// assert_eq!(uuid("not-a-uuid").unwrap_err().code, "uuid");
/// ```
///
/// # Errors
/// Code `uuid`, when the string is not a hyphenated UUID.
#[inline]
pub fn uuid<T: AsStr + ?Sized>(value: &T) -> Result<(), RuleError> {
    check(
        is_uuid(value.as_str().as_bytes()),
        "uuid",
        "must be a valid UUID",
    )
}

/// Four dashes at 8, 13, 18 and 23, and 32 hexadecimal digits around them, checked eight
/// bytes at a time.
#[inline]
fn is_uuid(text: &[u8]) -> bool {
    let Ok(t) = <&[u8; 36]>::try_from(text) else {
        return false;
    };
    let word = |bytes: [u8; 8]| u64::from_le_bytes(bytes);
    t[8] == b'-'
        && t[13] == b'-'
        && t[18] == b'-'
        && t[23] == b'-'
        && all_hex(word([t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]]))
        && all_hex(word([
            t[9], t[10], t[11], t[12], t[14], t[15], t[16], t[17],
        ]))
        && all_hex(word([
            t[19], t[20], t[21], t[22], t[24], t[25], t[26], t[27],
        ]))
        && all_hex(word([
            t[28], t[29], t[30], t[31], t[32], t[33], t[34], t[35],
        ]))
}

/// Whether each of the eight bytes of `word` is an ASCII hexadecimal digit.
#[inline]
fn all_hex(word: u64) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    // For bytes below 0x80, the high bit of each byte of `w + ONES * (0x80 - lo)` is set when
    // the byte is at least `lo`, and that of `w + ONES * (0x7f - hi)` when it is above `hi`:
    // no sum carries into the next byte.
    let within = |w: u64, lo: u64, hi: u64| {
        w.wrapping_add(ONES * (0x80 - lo)) & !w.wrapping_add(ONES * (0x7f - hi))
    };
    let digits = within(word, u64::from(b'0'), u64::from(b'9'));
    let letters = within(word | (ONES * 0x20), u64::from(b'a'), u64::from(b'f'));
    word & HIGH == 0 && (digits | letters) & HIGH == HIGH
}

#[cfg(test)]
mod tests {
    use super::is_uuid;

    fn plain(text: &[u8]) -> bool {
        text.len() == 36
            && text.iter().enumerate().all(|(index, byte)| match index {
                8 | 13 | 18 | 23 => *byte == b'-',
                _ => byte.is_ascii_hexdigit(),
            })
    }

    #[test]
    fn every_byte_at_every_place_is_judged_as_the_plain_loop_judges_it() {
        let base = *b"f81d4fae-7dec-11d0-a765-00a0c91e6bf6";
        assert!(is_uuid(&base));
        for at in 0..base.len() {
            for byte in 0..=255_u8 {
                let mut text = base;
                text[at] = byte;
                assert_eq!(is_uuid(&text), plain(&text), "{at}: {byte:#x}");
            }
        }
        assert!(!is_uuid(&base[..35]));
        assert!(!is_uuid(b""));
    }
}
