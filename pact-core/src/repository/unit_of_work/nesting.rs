//! Which stores' units are being polled on this thread, so that `Store::transaction` called
//! inside one of them is refused instead of waiting forever for the outer unit.
//!
//! A unit's future is polled inside [`in_unit`], which pushes the store's id on a thread-local
//! stack for the length of each `poll` and pops it after. A `store.transaction(..)` awaited
//! inside the unit is first polled within the outer poll, on the same thread, so it sees the
//! id; a task spawned by the unit is polled elsewhere and is an independent unit, as it should
//! be. This is how tokio's task-locals work, without needing tokio.

use std::cell::RefCell;
use std::future::{Future, poll_fn};
use std::pin::pin;
use std::sync::Arc;

thread_local! {
    static POLLING: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// The identity of a store and its clones.
#[derive(Clone, Default)]
pub(crate) struct StoreId(Arc<()>);

impl StoreId {
    fn addr(&self) -> usize {
        Arc::as_ptr(&self.0) as usize
    }

    /// Whether a unit of this store is being polled on this thread (we are inside it).
    pub(crate) fn is_polling(&self) -> bool {
        let addr = self.addr();
        POLLING.with(|stack| stack.borrow().contains(&addr))
    }
}

/// Runs `future` with the store marked as inside one of its units for each of its polls.
pub(crate) async fn in_unit<F: Future>(id: &StoreId, future: F) -> F::Output {
    let addr = id.addr();
    let mut future = pin!(future);
    poll_fn(move |cx| {
        POLLING.with(|stack| stack.borrow_mut().push(addr));
        let _popped = Popped;
        future.as_mut().poll(cx)
    })
    .await
}

/// Pops the id again, also when the inner poll panics.
struct Popped;

impl Drop for Popped {
    fn drop(&mut self) {
        POLLING.with(|stack| {
            stack.borrow_mut().pop();
        });
    }
}
