// Expected: errors on "Cache Control", on `title = ""` and on `type = "not a uri"`; today
// enum-level defaults are only checked through variants, so an empty enum accepts anything.
#[derive(Debug, thiserror::Error, pact::ApiError)]
#[api(header("Cache Control", "no-store"), title = "", type = "not a uri")]
pub enum UserError {}

fn main() {}
