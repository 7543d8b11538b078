//! `upsert` and `upsert_by_<field>` of [`MemoryRepository`], under one write lock: the same
//! outcomes as the SQL statements.

use super::MemoryRepository;
use crate::repository::{Entity, RepoError, Stamp, now_unix_micros};

impl<E: Entity> MemoryRepository<E> {
    /// `upsert` (`column` is the id's) and `upsert_by_<field>`: inserts the entity, or, when a
    /// row (live or soft-deleted) holds its value of `column`, replaces that row, keeping its
    /// id and `created_at`, adding 1 to its version and clearing a soft-delete mark. Another
    /// unique field taken by another row is `Conflict`.
    #[doc(hidden)]
    pub fn upsert_row(&self, column: usize, mut entity: E) -> Result<E, RepoError> {
        let mut state = self.write();
        let existing = if column == E::ID_COLUMN {
            state.rows.get(entity.id()).cloned()
        } else {
            let hash = entity.unique_hash(column, &self.hasher);
            state
                .uniques
                .iter()
                .find(|(c, _)| *c == column)
                .and_then(|(_, index)| index.get(&hash))
                .and_then(|ids| {
                    ids.iter()
                        .filter_map(|id| state.rows.get(id))
                        .find(|row| row.unique_eq(&entity, column))
                })
                .cloned()
        };
        let Some(stored) = existing else {
            return self.insert_locked(&mut state, entity);
        };
        entity.stamp(Stamp::Insert, now_unix_micros())?;
        entity.check_values()?;
        entity.clear_transient();
        entity.keep_created(&stored);
        if E::VERSION_COLUMN.is_some() {
            let next = stored
                .version()
                .checked_add(1)
                .ok_or_else(|| RepoError::backend(format!("{} version overflow", E::NAME)))?;
            entity.set_version(next)?;
        }
        entity.keep_id(&stored);
        let old = self
            .remove_locked(&mut state, stored.id())
            .ok_or_else(|| RepoError::backend("the upserted row vanished"))?;
        if let Err(err) = self.check_unique(&state, &entity) {
            self.index_locked(&mut state, old);
            return Err(err);
        }
        self.index_locked(&mut state, entity.clone());
        Ok(entity)
    }
}
