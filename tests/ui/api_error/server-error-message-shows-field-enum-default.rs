#[derive(Debug, thiserror::Error, pact::ApiError)]
#[api(status = SERVICE_UNAVAILABLE)]
pub enum UserError {
    #[error("upstream {host} down")]
    #[api(message = "upstream {host} is down")]
    Upstream { host: String },
}

fn main() {}
