//! The built-in sanitizers of `#[dto(trim, lowercase, uppercase)]`. Each works in place and
//! allocates only when the text actually changes case.

/// Text that sanitizers can clean in place: `String`, `Option<String>` and `Patch<String>`.
#[diagnostic::on_unimplemented(
    message = "`trim`, `lowercase` and `uppercase` do not apply to `{Self}`",
    label = "not a `String`, `Option<String>` or `Patch<String>`",
    note = "use `#[dto(custom(your_fn))]` with a `fn(&mut {Self})` for other types"
)]
pub trait Text {
    /// Applies `f` to the string, if there is one.
    fn with_string(&mut self, f: impl FnOnce(&mut String));
}

impl Text for String {
    fn with_string(&mut self, f: impl FnOnce(&mut String)) {
        f(self);
    }
}

impl Text for Option<String> {
    fn with_string(&mut self, f: impl FnOnce(&mut String)) {
        if let Some(text) = self {
            f(text);
        }
    }
}

impl Text for crate::Patch<String> {
    fn with_string(&mut self, f: impl FnOnce(&mut String)) {
        if let crate::Patch::Value(text) = self {
            f(text);
        }
    }
}

/// Removes leading and trailing white space, without reallocating.
///
/// ```
/// let mut name = String::from("  Ada \n");
/// pact_core::validation::sanitize::trim(&mut name);
/// assert_eq!(name, "Ada");
/// ```
pub fn trim<T: Text + ?Sized>(value: &mut T) {
    value.with_string(|text| {
        let end = text.trim_end().len();
        text.truncate(end);
        let start = text.len() - text.trim_start().len();
        text.drain(..start);
    });
}

/// Lower-cases the text (Unicode), allocating only if it has upper-case letters.
///
/// ```
/// let mut email = Some(String::from("Ada@Example.COM"));
/// pact_core::validation::sanitize::lowercase(&mut email);
/// assert_eq!(email.as_deref(), Some("ada@example.com"));
/// ```
pub fn lowercase<T: Text + ?Sized>(value: &mut T) {
    value.with_string(|text| {
        if text.is_ascii() {
            text.make_ascii_lowercase();
        } else if text.chars().any(char::is_uppercase) {
            *text = text.to_lowercase();
        }
    });
}

/// Upper-cases the text (Unicode), allocating only if it has lower-case letters.
///
/// ```
/// let mut code = String::from("eur");
/// pact_core::validation::sanitize::uppercase(&mut code);
/// assert_eq!(code, "EUR");
/// ```
pub fn uppercase<T: Text + ?Sized>(value: &mut T) {
    value.with_string(|text| {
        if text.is_ascii() {
            text.make_ascii_uppercase();
        } else if text.chars().any(char::is_lowercase) {
            *text = text.to_uppercase();
        }
    });
}
