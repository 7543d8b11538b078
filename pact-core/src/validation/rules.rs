//! Rule functions.
