// A 5xx: `Retry-After` from a field goes through its run-time check; another header that shows
// a field says `public`; a title with escaped braces is sent unescaped.
#[derive(Debug, thiserror::Error, pact::ApiError)]
#[api(status = 503, title = "Shard {{down}}")]
pub enum ShardError {
    #[error("shard {shard} down")]
    #[api(header("Retry-After", "{retry_secs}"), header("X-Shard", "{shard}", public))]
    Down { shard: u32, retry_secs: u64 },
}
