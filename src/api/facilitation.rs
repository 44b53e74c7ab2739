//! The facilitator's commands: each one edits the control document (and, for small
//! groups and memos, the content). Whether the sender may run them is decided before,
//! in [`super::rules`]; the hub also refuses control writes from anyone else.

use super::Command;
use crate::Refusal;
use crate::model::control::{CafeRun, Follow, SilentRound, SmallGroup, Timer, Voting, not_in_roster, now_ms};
use crate::model::{BoardContent, BoardKind, ModelError, Workshop, memo};

fn refused(why: Refusal) -> ModelError {
    ModelError::NotAllowed(why)
}

/// The board, if it is of `kind`.
fn board_of(w: &Workshop, board: &str, kind: BoardKind) -> Result<crate::model::Board, ModelError> {
    let found = w.board(board)?;
    if found.content.kind() != kind {
        return Err(ModelError::WrongKind { board: board.into(), expected: kind.as_str(), found: found.content.kind().as_str().into() });
    }
    Ok(found)
}

fn cafe_of(w: &Workshop, board: &str) -> Result<crate::model::cafe::CafeBoard, ModelError> {
    match board_of(w, board, BoardKind::Cafe)?.content {
        BoardContent::Cafe(cafe) => Ok(cafe),
        _ => Err(ModelError::NotFound { what: "café", id: board.into() }),
    }
}

/// A café round runs on the timer: a new countdown of the board's round length, if set.
fn round_timer(cafe: &crate::model::cafe::CafeBoard) -> Option<Timer> {
    (cafe.round_minutes > 0).then(|| Timer { started_at_ms: now_ms(), seconds: cafe.round_minutes * 60, running: true })
}

/// Runs one facilitator command; returns the id of anything it created.
pub fn run(w: &mut Workshop, command: &Command) -> Result<Option<String>, ModelError> {
    let mut c = w.control();
    match command {
        Command::GoToStep { session, step } => {
            let found = w.session(session)?;
            if !found.steps.iter().any(|s| &s.id == step) {
                return Err(ModelError::NotFound { what: "agenda step", id: step.clone() });
            }
            c.current_session = Some(session.clone());
            c.current_step = Some(step.clone());
        }
        Command::StartTimer { seconds } => {
            c.timer = Some(Timer { started_at_ms: now_ms(), seconds: *seconds, running: true });
        }
        Command::StopTimer => {
            if let Some(timer) = &mut c.timer {
                timer.running = false;
            }
        }
        Command::Follow { board, x, y, zoom } => {
            w.board(board)?;
            c.follow = Some(Follow { board: board.clone(), x: *x, y: *y, zoom: *zoom });
        }
        Command::StopFollow => c.follow = None,
        Command::Lock { id } => {
            if !c.locked.contains(id) {
                c.locked.push(id.clone());
            }
        }
        Command::Unlock { id } => c.locked.retain(|l| l != id),
        Command::Spotlight { item } => c.spotlight = item.clone(),
        Command::StartSilent { board, anonymous } => {
            let kind = w.board(board)?.content.kind();
            if !matches!(kind, BoardKind::Free | BoardKind::IdeaWall) {
                return Err(refused(Refusal::SilentBoardKind));
            }
            c.silent = Some(SilentRound { board: board.clone(), anonymous: *anonymous, ..SilentRound::default() });
        }
        Command::RevealSilent => match &mut c.silent {
            // Once revealed, revealing again shows the late drafts waiting at the hub.
            Some(round) if round.revealed => round.late = 0,
            Some(round) => round.revealed = true,
            None => return Err(refused(Refusal::NoSilentRound)),
        },
        Command::StartVoting { board, budget, hidden } => {
            board_of(w, board, BoardKind::IdeaWall)?;
            if *budget == 0 {
                return Err(refused(Refusal::EmptyBudget));
            }
            c.voting = Some(Voting { board: board.clone(), budget: *budget, hidden: *hidden, revealed: false });
        }
        Command::RevealVotes => match &mut c.voting {
            Some(voting) => voting.revealed = true,
            None => return Err(refused(Refusal::NoVoting)),
        },
        Command::EndVoting => c.voting = None,
        Command::StartCafe { board } => {
            c.cafe = Some(CafeRun { board: board.clone(), round: 1 });
            c.timer = round_timer(&cafe_of(w, board)?);
        }
        Command::NextCafeRound => {
            let Some(run) = &mut c.cafe else { return Err(refused(Refusal::NoCafe)) };
            let cafe = cafe_of(w, &run.board)?;
            if run.round as usize >= cafe.stations.len() {
                return Err(refused(Refusal::LastRound));
            }
            run.round += 1;
            c.timer = round_timer(&cafe).or(c.timer);
        }
        Command::AssignCafeGroup { person, group } => {
            let groups = match &c.cafe {
                Some(run) => match w.board(&run.board)?.content {
                    BoardContent::Cafe(cafe) => cafe.groups.into_iter().map(|g| g.id).collect(),
                    _ => Vec::new(),
                },
                None => Vec::new(),
            };
            if let Some(group) = group.as_ref().filter(|g| c.cafe.is_some() && !groups.contains(g)) {
                return Err(ModelError::NotFound { what: "café group", id: group.clone() });
            }
            let me = c.people.iter_mut().find(|p| &p.id == person).ok_or_else(|| not_in_roster(person))?;
            me.cafe_group = group.clone();
        }
        Command::SplitGroups { size, random, board } => split_groups(w, &mut c, *size, *random, board.as_deref())?,
        Command::AssignGroup { person, group } => c.assign_group(person, group.as_deref())?,
        Command::OpenEvaluation { board } => {
            board_of(w, board, BoardKind::Evaluation)?;
            c.evaluation = Some(board.clone());
        }
        Command::CloseEvaluation => c.evaluation = None,
        Command::AllowBrowsers { on } => c.browsers = *on,
        Command::DraftMemo { session } => {
            let text = memo::draft(&w.view(), session)?;
            let mut patch = serde_json::Map::new();
            patch.insert("memo".into(), serde_json::Value::String(text));
            w.patch_session(session, &patch)?;
            return Ok(None);
        }
        _ => return Err(refused(Refusal::NotFacilitatorCommand)),
    }
    w.update_control(|control| *control = c)?;
    Ok(None)
}

/// Groups of `size` from the participants in the roster, in roster order or at random;
/// leftovers join the first groups. With `board`, each group gets its own copy of it.
fn split_groups(
    w: &mut Workshop,
    c: &mut crate::model::ControlView,
    size: u32,
    random: bool,
    board: Option<&str>,
) -> Result<(), ModelError> {
    if !(3..=4).contains(&size) {
        return Err(refused(Refusal::GroupSize));
    }
    let mut people: Vec<String> = c.people.iter().filter(|p| p.role == "participant").map(|p| p.id.clone()).collect();
    if people.is_empty() {
        return Err(refused(Refusal::NoParticipants));
    }
    if random {
        for i in (1..people.len()).rev() {
            people.swap(i, rand::random_range(0..=i));
        }
    }
    let count = (people.len() / size as usize).max(1);
    let template = board.map(|b| w.board(b)).transpose()?;
    let mut groups: Vec<SmallGroup> = Vec::new();
    for n in 1..=count {
        let name = format!("Ryhmä {n}");
        let copy = match &template {
            Some(original) => {
                let mut copy = original.clone();
                copy.id = String::new();
                copy.order = 0.0;
                copy.title = format!("{} – {name}", original.title);
                Some(w.add_board(&copy)?)
            }
            None => None,
        };
        groups.push(SmallGroup { id: crate::model::new_id(), name, members: Vec::new(), board: copy });
    }
    for (i, person) in people.iter().enumerate() {
        groups[i % count].members.push(person.clone());
    }
    for person in &mut c.people {
        person.group = groups.iter().find(|g| g.members.contains(&person.id)).map(|g| g.id.clone());
    }
    c.groups = groups;
    Ok(())
}
