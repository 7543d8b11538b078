#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum UserError {
    #[error("shard {0} down")]
    #[api(status = 503, header("X-Shard", "{0}", safe))]
    ShardDown(u32),
    #[error("shard {0} down")]
    #[api(status = 503, header("X-Shard", "{0}", public = true))]
    ShardGone(u32),
}

fn main() {}
