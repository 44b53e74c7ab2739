//! The last content updates a workshop took in or made, counted, so that a copy following
//! it (the hub's lock check, `sync::locks`) catches up by what changed instead of by a
//! diff of the whole document, whose delete set alone costs a walk over every item.

use std::collections::VecDeque;

/// How many updates are kept; a copy further behind starts over from a diff.
const KEPT: usize = 256;
/// A larger update (a whole file's state) is not kept: a copy behind it starts over.
const LARGEST: usize = 16 * 1024;

#[derive(Debug, Default)]
pub(super) struct Recent {
    updates: VecDeque<Vec<u8>>,
    /// How many updates were ever pushed.
    count: u64,
}

impl Recent {
    pub(super) fn push(&mut self, update: &[u8]) {
        self.count += 1;
        if update.len() > LARGEST {
            self.updates.clear();
            return;
        }
        if self.updates.len() == KEPT {
            self.updates.pop_front();
        }
        self.updates.push_back(update.to_vec());
    }

    pub(super) fn count(&self) -> u64 {
        self.count
    }

    /// The updates after the first `seen`, oldest first; None when not all are kept.
    pub(super) fn since(&self, seen: u64) -> Option<Vec<&[u8]>> {
        let first_kept = self.count - self.updates.len() as u64;
        let kept = (first_kept..=self.count).contains(&seen);
        kept.then(|| self.updates.iter().skip((seen - first_kept) as usize).map(Vec::as_slice).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_gets_what_it_missed_or_nothing_when_that_is_no_longer_kept() {
        let mut recent = Recent::default();
        for n in 0..3u8 {
            recent.push(&[n]);
        }
        assert_eq!(recent.since(1), Some(vec![&[1u8][..], &[2u8][..]]), "the two after the first");
        assert_eq!(recent.since(3), Some(vec![]), "a copy that is up to date gets nothing");
        recent.push(&vec![0; LARGEST + 1]);
        assert_eq!(recent.since(3), None, "a large update is not kept, so a copy behind it starts over");
        recent.push(&[9]);
        assert_eq!(recent.since(4), Some(vec![&[9u8][..]]), "updates after it are kept again");
    }
}
