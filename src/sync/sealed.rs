//! Sealed items: anonymous cards and hidden dots that participants
//! hand to the hub alone. The hub keeps them (board and item only, never the sender) in
//! memory and in a side file `<file>.sealed`, so a restarted hub still has them, and
//! publishes them under its own identity, in random order and in one change, as soon as
//! the control document no longer hides them:
//! - cards when the silent round on their board is revealed (or over),
//! - dots when the hidden vote on their board is revealed (or over).
//!
//! Evaluation answers are not sealed items: they go to the hub's ledger
//! ([`super::ledger`]), and only their results are published.
//!
//! Who gave which hidden dot is known in memory only, to let them take a dot back; it
//! is never written anywhere. How many dots each person gave is in the ledger.
//!
//! Anonymous silent-writing drafts take their own path ([`HubState::take_drafts`]):
//! each writer sends all of theirs with their ids once they see the reveal, the hub keeps
//! them in a hub-only table of its file (so a resent draft is taken once, also after a
//! SIGKILL) and acknowledges them, and it publishes them as one shuffled change under
//! random ids once every writer connected at the reveal has sent theirs, or
//! [`DEFAULT_REVEAL_WAIT`] has passed. Drafts that come after that wait for a later batch
//! with at least one other writer's, or for the end of the round.

use super::room::{HubState, lock};
use super::wire::SealedItem;
use super::SyncError;
use crate::Refusal;
use crate::api::drafts::{self, TakenDraft};
use crate::api::voting;
use crate::model::control::ControlView;
use crate::model::{ModelError, Workshop};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Notify, watch};
use tokio::time::Instant;

/// How long the hub waits at a reveal for connected writers' drafts.
pub const DEFAULT_REVEAL_WAIT: Duration = Duration::from_secs(3);

/// A reveal the hub gathers drafts for. The first batch waits for `expected` writers or
/// the deadline; a late one for the deadline and drafts from two writers at least.
struct Gather {
    expected: HashSet<String>,
    /// After a restart, how many writers to wait for: those who re-join with the code
    /// come back under new ids.
    needed: usize,
    reported: HashSet<String>,
    deadline: Option<Instant>,
    late: bool,
    /// For a late gathering: how many drafts the control says wait (0 until said).
    announced: u32,
}

/// One sealed item the hub keeps until it publishes it: its board, and the random id
/// its sender gave it (None from the hub's own seat and browsers), which names nobody.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Kept {
    board: String,
    item: SealedItem,
    #[serde(default)]
    id: Option<String>,
}

/// What the hub holds sealed.
pub struct Sealed {
    items: Vec<Kept>,
    path: PathBuf,
    /// (board, person) → ideas of that person's hidden dots. Memory only.
    ballots: HashMap<(String, String), Vec<String>>,
    /// Anonymous drafts being gathered for a batch, by board. Memory only.
    gathers: HashMap<String, Gather>,
    /// Boards whose first batch is out (also known from the file after a restart).
    batched: HashSet<String>,
    /// Who sent each waiting draft, to batch late ones with others. Memory only.
    senders: HashMap<String, String>,
    /// The writers connected now (content connections that may write), by connection.
    writers: HashMap<u64, String>,
    wait: Duration,
    clock: Arc<Notify>,
    /// The hub's secret for browser participants' draft keys (kept in its side file).
    drafts_secret: String,
}

impl Sealed {
    /// The sealed items kept beside `file`, if any.
    pub fn load(file: &Path) -> Sealed {
        let mut name = file.as_os_str().to_owned();
        name.push(".sealed");
        let path = PathBuf::from(name);
        let items = match std::fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text).or_else(|e| older_items(&text).ok_or(e)).unwrap_or_else(|e| {
                tracing::warn!("the sealed items in {} could not be read ({e}); they are lost.", path.display());
                Vec::new()
            }),
            Err(_) => Vec::new(),
        };
        Sealed {
            items,
            path,
            ballots: HashMap::new(),
            gathers: HashMap::new(),
            batched: HashSet::new(),
            senders: HashMap::new(),
            writers: HashMap::new(),
            wait: DEFAULT_REVEAL_WAIT,
            clock: Arc::new(Notify::new()),
            drafts_secret: String::new(),
        }
    }

    pub fn set_drafts_secret(&mut self, secret: &str) {
        self.drafts_secret = secret.to_string();
    }

    pub fn set_wait(&mut self, wait: Duration) {
        self.wait = wait;
    }

    /// A connection that may write anonymous drafts came or went.
    pub fn writer_connected(&mut self, conn: u64, person: Option<&str>) {
        match person {
            Some(person) => self.writers.insert(conn, person.to_string()),
            None => self.writers.remove(&conn),
        };
    }

    /// Starts gathering for `board` unless already; the first batch expects `expected`.
    fn gather(&mut self, board: &str, expected: HashSet<String>, late: bool) {
        self.gather_after(board, expected, 0, late);
    }

    fn gather_after(&mut self, board: &str, expected: HashSet<String>, needed: usize, late: bool) {
        if self.gathers.contains_key(board) {
            return;
        }
        let deadline = Some(Instant::now() + self.wait);
        self.gathers.insert(board.to_string(), Gather { expected, needed, reported: HashSet::new(), deadline, late, announced: 0 });
        self.clock.notify_one();
    }

    /// The boards whose batch is due now.
    fn due_batches(&mut self, waiting: &[TakenDraft], control: &ControlView) -> Vec<String> {
        let now = Instant::now();
        let mut due = Vec::new();
        for (board, gather) in &mut self.gathers {
            let round = control.silent.as_ref().filter(|s| s.board == *board && s.revealed && s.anonymous);
            let round_on = round.is_some();
            let released = gather.announced > 0 && round.is_some_and(|r| r.late == 0);
            let passed = gather.deadline.is_some_and(|d| d <= now);
            let ready = match gather.late {
                false => {
                    let all_in = !gather.expected.is_empty() && gather.expected.is_subset(&gather.reported);
                    passed || all_in || (gather.needed > 0 && gather.reported.len() >= gather.needed)
                }
                true => released || (passed && writers_of(waiting, board, &self.senders) >= 2),
            };
            if ready || !round_on {
                let missing = match gather.needed {
                    0 => gather.expected.difference(&gather.reported).count(),
                    needed => needed.saturating_sub(gather.reported.len()),
                };
                if passed && !gather.late && missing > 0 {
                    tracing::info!("the reveal's wait ran out with {missing} writers missing; their drafts come in a later batch");
                }
                due.push(board.clone());
            } else if passed {
                gather.deadline = None;
            }
        }
        due
    }

    fn next_deadline(&self) -> Option<Instant> {
        self.gathers.values().filter_map(|g| g.deadline).min()
    }

    pub fn count(&self, board: &str) -> usize {
        self.items.iter().filter(|k| k.board == board).count()
    }

    /// The ideas `person` gave hidden dots to on `board`.
    pub fn ballot(&self, board: &str, person: &str) -> Vec<String> {
        self.ballots.get(&(board.to_string(), person.to_string())).cloned().unwrap_or_default()
    }

    /// Takes in an item from `person`, or says in one sentence why not.
    fn take(&mut self, control: &ControlView, person: &str, board: String, item: SealedItem, id: Option<&str>) -> Result<(), Refusal> {
        let key = (board.clone(), person.to_string());
        match &item {
            SealedItem::Vote { .. } if control.voting.as_ref().is_none_or(|v| v.board != board) => {
                return Err(Refusal::VotingClosed);
            }
            SealedItem::Vote { idea } => {
                let budget = control.voting.as_ref().map(|v| v.budget).unwrap_or(0) as usize;
                let given = self.ballots.entry(key).or_default();
                if given.len() >= budget {
                    return Err(Refusal::DotsUsed);
                }
                given.push(idea.clone());
            }
            SealedItem::Unvote { idea } => {
                let given = self.ballots.entry(key).or_default();
                let Some(at) = given.iter().position(|i| i == idea) else { return Err(Refusal::NoDotGiven) };
                let waiting = self.items.iter().position(|k| k.board == board && matches!(&k.item, SealedItem::Vote { idea: x } if x == idea));
                let Some(waiting) = waiting else { return Err(Refusal::DotShown) };
                given.remove(at);
                self.items.remove(waiting);
                self.save();
                return Ok(());
            }
            SealedItem::Answer { .. } => return Err(Refusal::EvaluationClosed),
            SealedItem::FreeCard { .. } | SealedItem::Idea { .. } => {}
        }
        self.items.push(Kept { board, item, id: id.map(str::to_string) });
        self.save();
        Ok(())
    }

    /// Takes back an item [`Self::take`] took in, when the ledger refused it.
    fn untake(&mut self, person: &str, board: &str, item: &SealedItem, id: Option<&str>) {
        if let SealedItem::Vote { idea } = item
            && let Some(given) = self.ballots.get_mut(&(board.to_string(), person.to_string()))
            && let Some(at) = given.iter().rposition(|i| i == idea)
        {
            given.remove(at);
        }
        if let Some(at) = self.items.iter().rposition(|k| k.board == board && k.item == *item && k.id.as_deref() == id) {
            self.items.remove(at);
            self.save();
        }
    }

    /// After a restart: drops the items whose sender's id the ledger never marked taken
    /// (the hub stopped between keeping one and counting it); their senders send them again.
    fn drop_uncounted(&mut self, counted: impl Fn(&str) -> bool) {
        let before = self.items.len();
        self.items.retain(|k| k.id.as_deref().is_none_or(&counted));
        if self.items.len() != before {
            tracing::info!("{} sealed items were not counted before the hub stopped; their senders send them again", before - self.items.len());
            self.save();
        }
    }

    /// Forgets who gave which dot once their vote is over, so the next vote starts afresh.
    fn forget_finished(&mut self, control: &ControlView) {
        let voting = control.voting.as_ref().map(|v| v.board.as_str());
        self.ballots.retain(|(board, _), _| Some(board.as_str()) == voting);
    }

    /// Takes out the items the control no longer hides, shuffled.
    fn take_due(&mut self, control: &ControlView) -> Vec<Kept> {
        let (mut due, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut self.items).into_iter().partition(|Kept { board, item, .. }| match item {
            SealedItem::FreeCard { .. } | SealedItem::Idea { .. } => !control.hides_cards_on(board),
            SealedItem::Vote { .. } | SealedItem::Unvote { .. } => !control.hides_votes_on(board),
            SealedItem::Answer { .. } => control.evaluation.as_deref() != Some(board.as_str()),
        });
        self.items = kept;
        for i in (1..due.len()).rev() {
            due.swap(i, rand::random_range(0..=i));
        }
        due
    }

    /// Writes the items (or removes the file when none are left). A failure is logged:
    /// the items still wait in memory.
    fn save(&self) {
        let saved = match self.items.is_empty() {
            true => std::fs::remove_file(&self.path)
                .or_else(|e| if e.kind() == std::io::ErrorKind::NotFound { Ok(()) } else { Err(e.to_string()) }),
            false => serde_json::to_vec(&self.items)
                .map_err(|e| e.to_string())
                .and_then(|json| crate::api::write_new_or_replace(&self.path, &json).map_err(|e| e.to_string())),
        };
        if let Err(e) = saved {
            tracing::warn!("the sealed items could not be saved to {}: {e}", self.path.display());
        }
    }
}

/// The sealed items as a hub before ids kept them: (board, item).
fn older_items(text: &str) -> Option<Vec<Kept>> {
    let items: Vec<(String, SealedItem)> = serde_json::from_str(text).ok()?;
    Some(items.into_iter().map(|(board, item)| Kept { board, item, id: None }).collect())
}

/// Writes sealed items into the workshop under random ids, none of them carrying a
/// sender. One whose board or idea was deleted meanwhile is dropped with a log line.
fn publish(w: &mut Workshop, items: &[Kept]) -> Result<usize, ModelError> {
    let mut published = 0;
    for Kept { board, item, .. } in items {
        let done = match item {
            SealedItem::FreeCard { text, .. } | SealedItem::Idea { name: text } => {
                drafts::add_card_as(w, board, text, crate::model::new_random_id()).map(|_| ())
            }
            SealedItem::Vote { idea } => voting::cast(w, board, idea, None).map(|_| ()),
            SealedItem::Answer { .. } | SealedItem::Unvote { .. } => Ok(()),
        };
        match done {
            Ok(()) => published += 1,
            Err(e) => tracing::warn!("a sealed item was dropped: {e}"),
        }
    }
    Ok(published)
}

/// How many writers sent the drafts waiting on `board`; one of unknown sender (after a
/// restart) counts as a writer of its own.
fn writers_of(waiting: &[TakenDraft], board: &str, senders: &HashMap<String, String>) -> usize {
    let mut known = HashSet::new();
    let mut unknown = 0;
    for d in waiting.iter().filter(|d| d.board == board) {
        match senders.get(&d.draft) {
            Some(person) => {
                known.insert(person);
            }
            None => unknown += 1,
        }
    }
    known.len() + unknown
}

/// A browser that may write anonymous drafts, counted as a writer while it is here.
pub struct Writer {
    state: Arc<HubState>,
    id: u64,
}

impl Writer {
    pub fn new(state: &Arc<HubState>, member: &super::admission::Member) -> Option<Writer> {
        if member.role == super::Role::Observer {
            return None;
        }
        let id = state.next_conn();
        lock(&state.sealed).writer_connected(id, Some(&member.person));
        Some(Writer { state: state.clone(), id })
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        lock(&self.state.sealed).writer_connected(self.id, None);
    }
}

/// Publishes due batches whenever a gathering's deadline passes, until the hub stops.
pub async fn run_clock(state: Arc<HubState>, mut stop: watch::Receiver<bool>) {
    let clock = lock(&state.sealed).clock.clone();
    loop {
        let next = lock(&state.sealed).next_deadline();
        let sleep = async {
            match next {
                Some(at) => tokio::time::sleep_until(at).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            _ = sleep => state.publish_batches(),
            _ = clock.notified() => {}
            _ = stop.changed() => return,
        }
    }
}

impl HubState {
    /// Takes in a sealed item from `person`; publishes it at once if nothing hides it.
    /// One whose random `id` the hub has taken before is not taken again.
    pub fn seal_from(&self, person: &str, board: String, item: SealedItem, id: Option<&str>) -> Result<(), Refusal> {
        if let Some(id) = id
            && lock(&self.file).sealed_taken(id).map_err(super::ledger::refusal)?
        {
            return Ok(());
        }
        if matches!(item, SealedItem::Answer { .. }) {
            return self.keep_answer(person, &board, item, id);
        }
        let control = lock(&self.file).workshop().control();
        if let Some(reason) = super::limits::sealed_refusal(&control, &board, &item) {
            return Err(reason);
        }
        let seen = item.clone();
        let take = || lock(&self.sealed).take(&control, person, board.clone(), item, id);
        let untake = || lock(&self.sealed).untake(person, &board, &seen, id);
        self.ledger_dot(&control, person, &board, &seen, id, take, untake)?;
        self.publish_due();
        Ok(())
    }

    /// Publishes every sealed item the control document no longer hides, and the
    /// facilitator's own drafts on the hub's laptop once their round is revealed.
    pub fn publish_due(&self) {
        self.settle_ledger();
        self.publish_own_drafts();
        let mut sealed = lock(&self.sealed);
        let control = lock(&self.file).workshop().control();
        self.start_gathering(&mut sealed, &control, false);
        sealed.forget_finished(&control);
        let due = sealed.take_due(&control);
        if due.is_empty() {
            return;
        }
        if let Err(e) = self.change_only(|w| publish(w, &due)) {
            tracing::warn!("sealed items could not be published ({e}); they wait.");
            sealed.items.extend(due);
        }
        sealed.save();
        drop(sealed);
        self.publish_batches();
    }

    fn publish_own_drafts(&self) {
        let due = match lock(&self.file).due_drafts() {
            Ok(due) if !due.drafts.is_empty() => due,
            _ => return,
        };
        if due.anonymous {
            return self.take_own_drafts(&due);
        }
        let published = self.change_only(|w| {
            for draft in &due.drafts {
                drafts::add_card(w, &due.board, &draft.text)?;
            }
            Ok(())
        });
        let forgotten = published.map_err(|e| e.to_string()).and_then(|_| lock(&self.file).forget_drafts(&due.drafts).map_err(|e| e.to_string()));
        if let Err(e) = forgotten {
            tracing::warn!("the facilitator's drafts could not be published: {e}");
        }
    }

    /// The key a browser participant's page seals its drafts with, in hex: given to the
    /// page at each welcome and kept in its memory only, so what the browser's storage
    /// holds cannot be read without the hub.
    pub fn drafts_key(&self, person: &str) -> String {
        use sha2::Digest;
        let secret = lock(&self.sealed).drafts_secret.clone();
        let digest = sha2::Sha256::new().chain_update(b"paja browser drafts\0").chain_update(secret).chain_update(b"\0").chain_update(person).finalize();
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Takes a writer's anonymous drafts for a revealed round into the hub's table;
    /// returns the ids the hub now holds (also those taken before), for the writer to
    /// delete. `all_sent` tells the hub this writer has nothing more to wait for (a browser
    /// sends its drafts one by one, then says so).
    pub fn take_drafts(&self, person: &str, board: &str, drafts: Vec<(String, SealedItem)>, all_sent: bool) -> Result<Vec<String>, Refusal> {
        let mut sealed = lock(&self.sealed);
        let file = lock(&self.file);
        let control = file.workshop().control();
        if !control.silent.as_ref().is_some_and(|s| s.board == board && s.anonymous && s.revealed) {
            return Err(Refusal::SilentNotHere);
        }
        let mut taken = Vec::new();
        for (id, item) in drafts {
            if id.is_empty() || id.len() > 64 || !matches!(item, SealedItem::FreeCard { .. } | SealedItem::Idea { .. }) {
                continue;
            }
            match file.take_sealed_draft(&id, board, &item) {
                Ok(true) => {
                    sealed.senders.insert(id.clone(), person.to_string());
                    taken.push(id);
                }
                Ok(false) => taken.push(id),
                Err(e) => tracing::warn!("an anonymous draft could not be kept ({e}); its writer keeps it."),
            }
        }
        drop(file);
        self.start_gathering(&mut sealed, &control, false);
        let late = sealed.batched.contains(board);
        if late && !taken.is_empty() {
            sealed.gather(board, HashSet::new(), true);
            let wait = sealed.wait;
            if let Some(g) = sealed.gathers.get_mut(board).filter(|g| g.deadline.is_none()) {
                g.deadline = Some(Instant::now() + wait);
                sealed.clock.notify_one();
            }
        }
        if let Some(g) = sealed.gathers.get_mut(board).filter(|_| all_sent) {
            g.reported.insert(person.to_string());
        }
        if late {
            self.announce_late(&mut sealed, board);
        }
        drop(sealed);
        self.publish_batches();
        Ok(taken)
    }

    /// Tells everyone (in the control document) how many late drafts wait on `board`.
    fn announce_late(&self, sealed: &mut Sealed, board: &str) {
        let waiting = lock(&self.file).waiting_sealed_drafts().unwrap_or_default();
        let count = waiting.iter().filter(|d| d.board == board).count() as u32;
        let Some(gather) = sealed.gathers.get_mut(board).filter(|g| g.late && g.announced != count) else { return };
        gather.announced = count;
        let said = self.change_only(|w| {
            w.update_control(|c| {
                if let Some(round) = c.silent.as_mut().filter(|r| r.board == board) {
                    round.late = count;
                }
            })
        });
        if let Err(e) = said {
            tracing::warn!("the late drafts could not be announced: {e}");
        }
    }

    /// Starts gathering drafts when a round is revealed: the writers connected now are
    /// waited for. After a restart nobody's connection is known, so the hub waits for
    /// everyone in the roster who may write, up to the deadline.
    fn start_gathering(&self, sealed: &mut Sealed, control: &ControlView, restarted: bool) {
        let Some(round) = control.silent.as_ref().filter(|s| s.revealed && s.anonymous) else { return };
        let board = round.board.clone();
        if sealed.gathers.contains_key(&board) || sealed.batched.contains(&board) {
            return;
        }
        if lock(&self.file).sealed_batch_published(&board).unwrap_or(false) {
            sealed.batched.insert(board.clone());
            let waiting = lock(&self.file).waiting_sealed_drafts().unwrap_or_default();
            if waiting.iter().any(|d| d.board == board) {
                sealed.gather(&board, HashSet::new(), true);
                if let Some(g) = sealed.gathers.get_mut(&board) {
                    g.announced = round.late;
                }
            }
            return;
        }
        if !restarted {
            let expected = sealed.writers.values().cloned().collect();
            return sealed.gather(&board, expected, false);
        }
        let writer = |p: &&crate::model::control::Person| p.role != "observer" && p.id != super::admission::FACILITATOR_PERSON;
        let roster: HashSet<String> = control.people.iter().filter(writer).map(|p| p.id.clone()).collect();
        let needed = roster.len();
        sealed.gather_after(&board, roster, needed, false);
    }

    /// After a restart: goes on gathering for a revealed round, and publishes what waits.
    pub fn resume_reveal(&self) {
        let control = lock(&self.file).workshop().control();
        let mut sealed = lock(&self.sealed);
        sealed.drop_uncounted(|id| lock(&self.file).sealed_taken(id).unwrap_or(true));
        self.start_gathering(&mut sealed, &control, true);
        let waiting = lock(&self.file).waiting_sealed_drafts().unwrap_or_default();
        for draft in waiting {
            // A round that ended while the hub was down: its drafts go out now.
            sealed.gather(&draft.board, HashSet::new(), false);
        }
        drop(sealed);
        self.publish_batches();
    }

    /// Publishes each batch that is due: one change per board, in random order.
    pub fn publish_batches(&self) {
        let mut sealed = lock(&self.sealed);
        let (control, waiting) = {
            let file = lock(&self.file);
            (file.workshop().control(), file.waiting_sealed_drafts().unwrap_or_default())
        };
        for board in sealed.due_batches(&waiting, &control) {
            let mut batch: Vec<&TakenDraft> = waiting.iter().filter(|d| d.board == board).collect();
            for i in (1..batch.len()).rev() {
                batch.swap(i, rand::random_range(0..=i));
            }
            let late = sealed.gathers.get(&board).is_some_and(|g| g.late);
            match self.publish_batch(&board, &batch) {
                Ok(()) => {
                    if !batch.is_empty() {
                        tracing::info!("published a batch of {} anonymous drafts{}", batch.len(), if late { " (late)" } else { "" });
                    }
                    if late {
                        self.clear_late(&board);
                    }
                    sealed.gathers.remove(&board);
                    if !batch.is_empty() {
                        sealed.batched.insert(board.clone());
                    }
                    for d in &batch {
                        sealed.senders.remove(&d.draft);
                    }
                }
                Err(e) => {
                    tracing::warn!("anonymous drafts could not be published ({e}); they wait.");
                    let retry = Instant::now() + sealed.wait;
                    if let Some(g) = sealed.gathers.get_mut(&board) {
                        g.deadline = Some(retry);
                    }
                }
            }
        }
    }

    fn clear_late(&self, board: &str) {
        let cleared = self.change_only(|w| {
            w.update_control(|c| {
                if let Some(round) = c.silent.as_mut().filter(|r| r.board == board && r.late > 0) {
                    round.late = 0;
                }
            })
        });
        if let Err(e) = cleared {
            tracing::warn!("the late drafts' count could not be cleared: {e}");
        }
    }

    fn publish_batch(&self, board: &str, batch: &[&TakenDraft]) -> Result<(), SyncError> {
        if batch.is_empty() {
            return Ok(());
        }
        self.change_only(|w| {
            for d in batch {
                let text = match &d.item {
                    SealedItem::FreeCard { text, .. } | SealedItem::Idea { name: text } => text,
                    _ => continue,
                };
                if drafts::has_card(w, board, &d.card) {
                    continue;
                }
                if let Err(e) = drafts::add_card_as(w, board, text, d.card.clone()) {
                    tracing::warn!("an anonymous draft was dropped: {e}");
                }
            }
            Ok(())
        })?;
        let ids: Vec<String> = batch.iter().map(|d| d.draft.clone()).collect();
        lock(&self.file).published_sealed_drafts(&ids).map_err(|e| SyncError::Connection(e.to_string()))
    }

    /// The facilitator's own anonymous drafts join the batch like everyone's.
    fn take_own_drafts(&self, due: &drafts::Due) {
        let items: Vec<_> = due.drafts.iter().map(|d| (d.id.clone(), SealedItem::draft(due.kind, &d.text))).collect();
        let person = super::admission::FACILITATOR_PERSON;
        let forgotten = self.take_drafts(person, &due.board, items, true).map_err(|e| e.to_string()).and_then(|taken| {
            let mine: Vec<_> = due.drafts.iter().filter(|d| taken.contains(&d.id)).cloned().collect();
            lock(&self.file).forget_drafts(&mine).map_err(|e| e.to_string())
        });
        if let Err(e) = forgotten {
            tracing::warn!("the facilitator's drafts could not be handed over: {e}");
        }
    }

    /// Publishes every sealed item of `board` now, whatever the control says.
    pub fn reveal(&self, board: &str) -> Result<usize, SyncError> {
        let mut sealed = lock(&self.sealed);
        let (due, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut sealed.items).into_iter().partition(|k| k.board == board);
        sealed.items = kept;
        match self.change_only(|w| publish(w, &due)) {
            Ok(n) => {
                sealed.save();
                Ok(n)
            }
            Err(e) => {
                sealed.items.extend(due);
                Err(e)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Command, WorkshopFile};
    use crate::model::{BoardKind, Workshop};
    use crate::sync::admission::Admission;

    /// A hub whose anonymous round on a free board is revealed, with no wait.
    fn revealed_hub(path: &Path) -> (HubState, String) {
        let mut workshop = Workshop::new();
        let board = workshop.create_board(BoardKind::Free, "Ideat", None).expect("a board");
        let mut file = match path.exists() {
            true => WorkshopFile::open(path).expect("the file opens"),
            false => WorkshopFile::create(path, workshop).expect("a file"),
        };
        let board = file.view().boards.first().map(|b| b.id.clone()).unwrap_or(board);
        if file.workshop().control().silent.is_none() {
            file.execute(&Command::StartSilent { board: board.clone(), anonymous: true }).expect("a round starts");
            file.execute(&Command::RevealSilent).expect("and is revealed");
        }
        let hub = HubState::new(file, Admission::new("c".into(), "t".into(), true));
        lock(&hub.sealed).set_wait(Duration::ZERO);
        (hub, board)
    }

    fn cards(hub: &HubState, board: &str) -> Vec<String> {
        let view = lock(&hub.file).view();
        let cards = view.boards.iter().find(|b| b.id == board).map(|b| b.content.clone());
        serde_json::to_value(cards).unwrap()["cards"].as_array().cloned().unwrap_or_default().iter().map(|c| c["text"].as_str().unwrap_or("").to_string()).collect()
    }

    #[test]
    fn hidden_dots_are_published_under_random_ids_with_no_time_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut workshop = Workshop::new();
        let wall = workshop.create_board(BoardKind::IdeaWall, "Seinä", None).expect("a wall");
        let idea = drafts::add_card_as(&mut workshop, &wall, "Idea", crate::model::new_id()).expect("an idea");
        let mut file = WorkshopFile::create(&dir.path().join("hub.paja"), workshop).expect("a file");
        file.execute(&Command::StartVoting { board: wall.clone(), budget: 1, hidden: true }).expect("a hidden vote");
        let hub = HubState::new(file, Admission::new("c".into(), "t".into(), true));
        for person in 0..12 {
            hub.seal_from(&format!("p{person}"), wall.clone(), SealedItem::Vote { idea: idea.clone() }, None).expect("a dot is taken");
        }
        lock(&hub.file).execute(&Command::RevealVotes).expect("the vote is revealed");
        hub.publish_due();
        let dots = lock(&hub.file).workshop().list::<crate::model::idea_wall::Vote>(&wall).expect("the dots");
        let ids: Vec<uuid::Uuid> = dots.iter().map(|v| uuid::Uuid::parse_str(&v.id).expect("a UUID")).collect();
        assert_eq!(ids.len(), 12, "every dot is published");
        assert!(ids.iter().all(|id| id.get_version_num() == 4), "every dot's id is random: {ids:?}");
    }

    /// A hub on `path` whose hidden vote on a wall with one idea runs, budget 2.
    fn voting_hub(path: &Path) -> (HubState, String, String) {
        if !path.exists() {
            let mut workshop = Workshop::new();
            let wall = workshop.create_board(BoardKind::IdeaWall, "Seinä", None).expect("a wall");
            drafts::add_card_as(&mut workshop, &wall, "Idea", crate::model::new_id()).expect("an idea");
            let mut file = WorkshopFile::create(path, workshop).expect("a file");
            file.execute(&Command::StartVoting { board: wall, budget: 2, hidden: true }).expect("a hidden vote");
        }
        let file = WorkshopFile::open(path).expect("the file opens");
        let wall = file.workshop().control().voting.expect("the vote").board;
        let idea = file.workshop().list::<crate::model::idea_wall::Idea>(&wall).expect("ideas")[0].id.clone();
        let hub = HubState::new(file, Admission::new("c".into(), "t".into(), true));
        hub.resume_reveal();
        (hub, wall, idea)
    }

    #[test]
    fn a_hidden_dot_sent_again_is_taken_once_also_after_a_restart() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("hub.paja");
        let (hub, wall, idea) = voting_hub(&path);
        let dot = || SealedItem::Vote { idea: idea.clone() };
        assert_eq!(hub.seal_from("p1", wall.clone(), dot(), Some("d1")), Ok(()), "the hub takes it");
        assert_eq!(hub.seal_from("p1", wall.clone(), dot(), Some("d1")), Ok(()), "and acknowledges it again");
        assert_eq!((lock(&hub.sealed).count(&wall), hub.dots_used(&wall, "p1")), (1, 1), "counted once");
        drop(hub);
        let (hub, ..) = voting_hub(&path);
        assert_eq!(hub.seal_from("p1", wall.clone(), dot(), Some("d1")), Ok(()), "a restarted hub knows it");
        assert_eq!((lock(&hub.sealed).count(&wall), hub.dots_used(&wall, "p1")), (1, 1), "still once");
        // The hub stopped after keeping a dot but before counting it.
        lock(&hub.sealed).items.push(Kept { board: wall.clone(), item: dot(), id: Some("d2".into()) });
        lock(&hub.sealed).save();
        drop(hub);
        let (hub, ..) = voting_hub(&path);
        assert_eq!(lock(&hub.sealed).count(&wall), 1, "the dot it never counted is dropped");
        assert_eq!(hub.seal_from("p1", wall.clone(), dot(), Some("d2")), Ok(()), "and taken when sent again");
        assert_eq!((lock(&hub.sealed).count(&wall), hub.dots_used(&wall, "p1")), (2, 2), "each once");
        assert_eq!(hub.seal_from("p1", wall.clone(), dot(), Some("d3")), Err(Refusal::DotsUsed), "the budget holds");
        assert_eq!(lock(&hub.sealed).count(&wall), 2, "a refused dot is not kept");
    }

    #[test]
    fn a_draft_sent_again_is_published_once_also_after_a_restart() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("hub.paja");
        let card = || vec![("d1".to_string(), SealedItem::FreeCard { text: "Kerran".into(), color: "yellow".into() })];
        let (hub, board) = revealed_hub(&path);
        assert_eq!(hub.take_drafts("p1", &board, card(), true), Ok(vec!["d1".to_string()]), "the hub takes it");
        assert_eq!(hub.take_drafts("p1", &board, card(), true), Ok(vec!["d1".to_string()]), "and acknowledges it again");
        hub.publish_batches();
        assert_eq!(cards(&hub, &board), ["Kerran"], "published once");
        drop(hub);
        let (again, board) = revealed_hub(&path);
        assert_eq!(again.take_drafts("p1", &board, card(), true), Ok(vec!["d1".to_string()]), "a restarted hub knows it");
        again.publish_batches();
        assert_eq!(cards(&again, &board), ["Kerran"], "still once");
    }
}
