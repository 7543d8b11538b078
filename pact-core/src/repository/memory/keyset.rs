//! Keyset pages of a [`MemoryRepository`]: the rows after the cursor's position, in the
//! order SQL gives them.

use super::MemoryRepository;
use crate::repository::cursor::keyset_plan;
use crate::repository::{CursorPage, CursorRequest, Keyset, RepoError};

impl<E: Keyset> MemoryRepository<E> {
    /// `find_all_by_cursor`: the rows after the request's cursor, ordered by the sort column
    /// and then the id (both in the sort's direction, `None` first ascending), as the SQL
    /// repositories order them.
    #[doc(hidden)]
    pub fn find_cursor_page(&self, request: &CursorRequest) -> Result<CursorPage<E>, RepoError> {
        let plan = keyset_plan::<E>(request)?;
        let state = self.read();
        let mut rows: Vec<&E> = state
            .rows
            .values()
            .filter(|row| !row.is_deleted() && plan.follows(*row))
            .collect();
        rows.sort_by(|a, b| plan.compare(*a, *b));
        rows.truncate(plan.fetch());
        let rows = rows.into_iter().cloned().collect();
        drop(state);
        plan.finish(rows)
    }
}
