//! [`BoxFuture`]: what the generated repository traits return, so they stay usable as
//! `Arc<dyn UserRepository>`.

use std::future::Future;
use std::pin::Pin;

/// A boxed, `Send` future borrowing from `'a`: the return type of every method of a generated
/// repository trait. Boxing keeps the traits dyn-compatible (`Arc<dyn UserRepository>`).
///
/// ```
/// use pact_core::repository::BoxFuture;
///
/// fn answer<'a>(x: &'a u32) -> BoxFuture<'a, u32> {
///     Box::pin(async move { *x + 1 })
/// }
/// # let _ = answer(&41);
/// ```
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;
