//! Opening a file whose log holds an update that does not apply whole (written before
//! the hub tried every update on its real state): the workshop is rebuilt update by
//! update, and each one that fails or leaves anything pending is moved out of the log,
//! kept whole with its reason, so the file opens with everything else.

use super::{damaged, store_doc};
use crate::model::{DocName, Workshop};
use crate::store::Store;
use crate::Error;

/// The workshop from `store` without the logged updates that do not apply; those are
/// set aside in the file.
pub(super) fn rebuild(store: &Store) -> Result<Workshop, Error> {
    let mut kept: [Vec<Vec<u8>>; 2] = Default::default();
    let mut workshop = Workshop::new();
    let mut bad = Vec::new();
    for (slot, name) in [DocName::Content, DocName::Control].into_iter().enumerate() {
        let (snapshot, rows) = store.load_rows(store_doc(name))?;
        if let Some(snapshot) = snapshot {
            workshop.apply_update(name, &snapshot).map_err(|e| damaged(store.path(), e))?;
            kept[slot].push(snapshot);
        }
        for (id, update) in rows {
            match workshop.apply_whole_update(name, &update) {
                Ok(()) => kept[slot].push(update),
                Err(why) => {
                    bad.push((id, why.to_string()));
                    workshop = Workshop::from_updates(&kept[0], &kept[1]).map_err(|e| damaged(store.path(), e))?;
                }
            }
        }
    }
    store.set_aside(&bad)?;
    Ok(workshop)
}
