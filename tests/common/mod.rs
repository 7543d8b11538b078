//! Fixtures shared by the framework integration tests. Each test binary uses a part of them.
#![allow(dead_code, reason = "each test binary uses a part of the fixtures")]

pub mod errors;
pub mod hostile;
pub mod signup;
