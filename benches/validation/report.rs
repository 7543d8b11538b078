//! The error report of the hand-written contenders: `(path, code, message)` with an owned
//! path and static code and message, built only on failure.

/// One violation: where, and which rule.
pub struct FieldError {
    pub path: String,
    pub code: &'static str,
    pub message: &'static str,
}

/// The violations found so far.
#[derive(Default)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    #[cold]
    #[inline(never)]
    pub fn push(&mut self, path: &str, code: &'static str, message: &'static str) {
        self.0.push(FieldError {
            path: path.to_owned(),
            code,
            message,
        });
    }

    #[inline]
    pub fn check(&mut self, ok: bool, path: &str, code: &'static str, message: &'static str) {
        if !ok {
            self.push(path, code, message);
        }
    }

    /// `Ok` without violations.
    ///
    /// # Errors
    /// Every violation.
    pub fn finish(self) -> Result<(), Vec<FieldError>> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }
}

/// Whether `text` has `min..=max` characters.
#[inline]
pub fn chars_within(text: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&text.chars().count())
}
