//! The example service (`examples/service/`), end to end: started on an ephemeral port and
//! spoken to over HTTP with reqwest, on SQLite always and on PostgreSQL and MariaDB when
//! `PACT_TEST_POSTGRES_URL` / `PACT_TEST_MYSQL_URL` are set; its services unit-tested on
//! memory; its `/docs` page rendered by headless Chromium. Its logs are checked for secrets
//! in `tests/service_logs/`, a process of their own.

#[path = "../../examples/service/lib.rs"]
#[allow(dead_code)]
mod service;

mod docs;
mod e2e;
mod harness;
mod units;
