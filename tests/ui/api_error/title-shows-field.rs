// Expected: an error on the title ("`title` is the same for every occurrence and cannot show
// fields; use `message`"); today `{id}` is sent verbatim as the title.
#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("user not found")]
    #[api(status = 404, title = "User {id} not found")]
    NotFound { id: u64 },
}

fn main() {}
