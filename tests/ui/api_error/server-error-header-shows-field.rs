#[derive(Debug, thiserror::Error, pact::ApiError)]
#[api(status = 500)]
pub enum StorageError {
    #[error("db said {0}")]
    #[api(header("X-Debug", "{0}"))]
    Database(String),
    #[error("upstream {host} failed")]
    #[api(status = 502, header("X-Upstream", "host={host:?}"))]
    Upstream { host: String },
}

fn main() {}
