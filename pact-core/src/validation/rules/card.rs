//! `credit_card`.

use super::{AsStr, RuleError, check};

/// Checks that a string is a payment card number: 12 to 19 digits (ISO/IEC 7812) whose last
/// digit is the Luhn check digit of the others. Single spaces or hyphens may separate groups
/// of digits (`4111 1111 1111 1111`, `4111-1111-1111-1111`), but not start or end the number.
///
/// A syntax check only: it says nothing of whether the card exists.
///
/// ```
/// use pact_core::validation::rules::credit_card;
///
/// assert!(credit_card("4111111111111111").is_ok());
/// assert!(credit_card("4111 1111 1111 1111").is_ok());
/// assert!(credit_card("4111111111111112").is_err()); // wrong check digit
///
/// let error = credit_card("1234").unwrap_err();
/// assert_eq!(error.code, "credit_card");
/// assert_eq!(error.message, "must be a valid credit card number");
/// ```
///
/// # Errors
/// Code `credit_card`, when the string is not a card number as above.
#[inline]
pub fn credit_card<T: AsStr + ?Sized>(value: &T) -> Result<(), RuleError> {
    check(
        is_card_number(value.as_str().as_bytes()),
        "credit_card",
        "must be a valid credit card number",
    )
}

const MIN_DIGITS: u32 = 12;
const MAX_DIGITS: u32 = 19;

#[inline]
fn is_card_number(text: &[u8]) -> bool {
    // 19 digits and 18 separators at most.
    if text.len() > 2 * MAX_DIGITS as usize - 1 {
        return false;
    }
    let mut digits = 0_u32;
    let mut sum = 0_u32;
    let mut after_separator = true; // no separator at the end
    // Luhn, from the check digit leftwards: every second digit is doubled.
    for &byte in text.iter().rev() {
        match byte {
            b'0'..=b'9' => {
                let digit = u32::from(byte - b'0');
                sum += if digits % 2 == 1 {
                    let doubled = digit * 2;
                    if doubled > 9 { doubled - 9 } else { doubled }
                } else {
                    digit
                };
                digits += 1;
                after_separator = false;
            }
            b' ' | b'-' if !after_separator => after_separator = true,
            _ => return false,
        }
    }
    !after_separator && (MIN_DIGITS..=MAX_DIGITS).contains(&digits) && sum.is_multiple_of(10)
}
