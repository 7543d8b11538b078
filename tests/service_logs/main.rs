//! The example service's logs, checked for secrets, in a test binary of their own: tracing
//! caches each log site's interest process-wide, and a site first reached by another test's
//! thread (with no subscriber) while this test installs its own can stay silent, so no other
//! test shares this process.

#[path = "../../examples/service/lib.rs"]
#[allow(dead_code)]
mod service;

#[path = "../service/harness.rs"]
#[allow(dead_code)]
mod harness;
#[path = "../service/logs.rs"]
mod logs;
