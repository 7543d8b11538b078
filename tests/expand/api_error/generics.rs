// Bounds are inferred only for fields that mention a type parameter.
#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum Generic<'a, E, T> {
    #[error(transparent)]
    #[api(transparent)]
    Inner(E),

    #[error("bad value")]
    #[api(status = 422, message = "bad value {value:?} in {field}")]
    Bad { value: T, field: &'a str },

    #[error("plain")]
    #[api(status = 400)]
    Plain(String),
}
