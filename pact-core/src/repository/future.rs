//! [`RepoFuture`]: what every repository method returns, so the generated traits stay usable as
//! `Arc<dyn UserRepository>`; and [`BoxFuture`], the plain boxed future beneath it.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// A boxed, `Send` future borrowing from `'a`.
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

/// The future every repository method returns: the generated `<Entity>Repository` traits and
/// [`Backend`](super::Backend). Either an answer already known when the method returns (the
/// memory repository's every call, a cache hit) or a [`BoxFuture`] (a database round trip).
/// The known answer is not boxed, so a memory read or a cache hit allocates nothing for its
/// future; the boxed one keeps the traits dyn-compatible (`Arc<dyn UserRepository>`).
///
/// A repository of your own builds one with [`RepoFuture::ready`] or [`RepoFuture::boxed`],
/// or converts a `BoxFuture` with `.into()`:
///
/// ```
/// use pact_core::repository::RepoFuture;
///
/// fn cached(x: &u32) -> RepoFuture<'_, u32> {
///     if *x == 0 {
///         RepoFuture::ready(0) // no allocation
///     } else {
///         RepoFuture::boxed(async move { *x + 1 })
///     }
/// }
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// assert_eq!(cached(&0).await, 0);
/// assert_eq!(cached(&41).await, 42);
/// assert!(cached(&0).is_ready() && !cached(&41).is_ready());
/// # });
/// ```
///
/// Like every future, it yields its output once: polling it again after that panics.
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct RepoFuture<'a, T> {
    state: State<'a, T>,
}

enum State<'a, T> {
    Ready(Option<T>),
    Boxed(BoxFuture<'a, T>),
}

impl<'a, T> RepoFuture<'a, T> {
    /// A future whose output is `value`, ready at its first poll; it allocates nothing.
    ///
    /// ```
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let answer = pact_core::repository::RepoFuture::ready(42);
    /// assert_eq!(answer.await, 42);
    /// # });
    /// ```
    #[inline]
    pub const fn ready(value: T) -> Self {
        Self {
            state: State::Ready(Some(value)),
        }
    }

    /// `future`, boxed.
    ///
    /// ```
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let answer = pact_core::repository::RepoFuture::boxed(async { 40 + 2 });
    /// assert_eq!(answer.await, 42);
    /// # });
    /// ```
    #[inline]
    pub fn boxed(future: impl Future<Output = T> + Send + 'a) -> Self {
        Self {
            state: State::Boxed(Box::pin(future)),
        }
    }

    /// Whether the output is already known (made by [`RepoFuture::ready`] and not polled yet):
    /// awaiting it does no work.
    ///
    /// ```
    /// use pact_core::repository::RepoFuture;
    ///
    /// assert!(RepoFuture::ready(1).is_ready());
    /// assert!(!RepoFuture::boxed(async { 1 }).is_ready());
    /// ```
    #[must_use]
    pub fn is_ready(&self) -> bool {
        matches!(self.state, State::Ready(Some(_)))
    }
}

impl<'a, T> From<BoxFuture<'a, T>> for RepoFuture<'a, T> {
    /// The boxed future as it is (no second box).
    #[inline]
    fn from(future: BoxFuture<'a, T>) -> Self {
        Self {
            state: State::Boxed(future),
        }
    }
}

// The output is moved out, never pinned in place, and the boxed future is pinned in its box.
impl<T> Unpin for RepoFuture<'_, T> {}

impl<T> Future for RepoFuture<'_, T> {
    type Output = T;

    #[inline]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        match &mut self.get_mut().state {
            State::Ready(value) => {
                Poll::Ready(value.take().expect("`RepoFuture` polled after completion"))
            }
            State::Boxed(future) => future.as_mut().poll(cx),
        }
    }
}

impl<T> fmt::Debug for RepoFuture<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match self.state {
            State::Ready(Some(_)) => "ready",
            State::Ready(None) => "done",
            State::Boxed(_) => "boxed",
        };
        f.debug_struct("RepoFuture").field("state", &state).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::task::Waker;

    fn poll<T>(future: &mut RepoFuture<'_, T>) -> Poll<T> {
        Pin::new(future).poll(&mut Context::from_waker(Waker::noop()))
    }

    #[test]
    fn a_ready_future_answers_at_its_first_poll_once() {
        let mut future = RepoFuture::ready(String::from("ada"));
        assert_eq!(format!("{future:?}"), "RepoFuture { state: \"ready\" }");
        assert_eq!(poll(&mut future), Poll::Ready(String::from("ada")));
        assert!(!future.is_ready());
        assert_eq!(format!("{future:?}"), "RepoFuture { state: \"done\" }");
        let again = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| poll(&mut future)));
        assert!(
            again.is_err(),
            "a second poll panics, as std's `Ready` does"
        );
    }

    #[test]
    fn a_boxed_future_is_polled_through() {
        let mut yielded = false;
        let mut future = RepoFuture::boxed(std::future::poll_fn(move |cx| {
            if yielded {
                Poll::Ready(7)
            } else {
                yielded = true;
                cx.waker().wake_by_ref();
                Poll::Pending
            }
        }));
        assert_eq!(format!("{future:?}"), "RepoFuture { state: \"boxed\" }");
        assert_eq!(poll(&mut future), Poll::Pending);
        assert_eq!(poll(&mut future), Poll::Ready(7));
        let boxed: BoxFuture<'_, u8> = Box::pin(async { 3 });
        assert_eq!(poll(&mut RepoFuture::from(boxed)), Poll::Ready(3));
    }
}
