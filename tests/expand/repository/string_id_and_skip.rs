use pact::Repository;

/// A short link: the application picks the slug, and the resolved preview is never stored.
#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "short_links")]
pub struct ShortLink {
    #[repo(id)]
    pub slug: String,
    pub target: String,
    pub clicks: u32,
    #[repo(skip, default = Vec::new())]
    pub preview: Vec<u8>,
}
