//! The calls of [`MemoryRepository`] that `#[repo(soft_delete)]` adds: marking, restoring and
//! purging rows, and the reads that see deleted rows. A marked row stays in the table and in
//! the unique indexes, as it stays in a database's unique constraint.

use std::borrow::Borrow;
use std::hash::Hash;

use super::{MemoryRepository, State};
use crate::repository::{Entity, Page, PageRequest, RepoError};

impl<E: Entity> MemoryRepository<E> {
    /// Sets (`Some(now)`) or clears (`None`) the mark of the row with this id, when it is
    /// live (setting) or deleted (clearing); whether it changed.
    pub(super) fn mark_locked<Q>(
        state: &mut State<E>,
        id: &Q,
        now: Option<i64>,
    ) -> Result<bool, RepoError>
    where
        E::Id: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        match state.rows.get_mut(id) {
            Some(row) if row.is_deleted() != now.is_some() => {
                row.set_deleted(now)?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// `restore_by_id`: whether a deleted row was restored.
    #[doc(hidden)]
    pub fn restore_row<Q>(&self, id: &Q) -> Result<bool, RepoError>
    where
        E::Id: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let mut state = self.write();
        Self::mark_locked(&mut state, id, None)
    }

    /// `purge_by_id`: whether a row, deleted or not, was removed.
    #[doc(hidden)]
    #[must_use]
    pub fn purge_row<Q>(&self, id: &Q) -> bool
    where
        E::Id: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let mut state = self.write();
        self.remove_locked(&mut state, id).is_some()
    }

    /// `find_by_id_with_deleted`.
    #[doc(hidden)]
    #[must_use]
    pub fn find_row_with_deleted<Q>(&self, id: &Q) -> Option<E>
    where
        E::Id: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.get(id)
    }

    /// `find_all_with_deleted`: pages of every row, sorted and counted as `find_all`.
    #[doc(hidden)]
    pub fn find_page_with_deleted(&self, request: &PageRequest) -> Result<Page<E>, RepoError> {
        self.page_of(request, |_| true)
    }
}
