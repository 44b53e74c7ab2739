//! Who may come in: the join code, reconnect tokens, the facilitator's lobby, roles, and
//! the rate limit on wrong codes.

pub use crate::api::Role;
use super::channel::Secret;
use crate::Refusal;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::time::{Duration, Instant};
use tokio::sync::{broadcast, oneshot};

/// Letters and digits nobody confuses when reading a code aloud (no I, L, O, 0, 1).
const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_LEN: usize = 6;
/// Wrong codes allowed from one address within [`WRONG_CODE_WINDOW`].
pub const WRONG_CODES_ALLOWED: usize = 5;
const WRONG_CODE_WINDOW: Duration = Duration::from_secs(60);
/// Apps' key exchanges one address may have unfinished; each that fails is a wrong guess.
const EXCHANGES_AT_ONCE: usize = 32;

/// A new six-character join code.
pub fn new_code() -> String {
    (0..CODE_LEN).map(|_| ALPHABET[rand::random_range(0..ALPHABET.len())] as char).collect()
}

/// A new secret token for reconnecting.
pub fn new_token() -> String {
    format!("{:032x}", rand::random::<u128>())
}

/// How a connection asks to come in, read from its URL's query.
#[derive(Debug, Clone, Default)]
pub struct JoinRequest {
    pub code: Option<String>,
    pub token: Option<String>,
    pub name: String,
    pub observer: bool,
    /// An app's opening of the key exchange (hex), instead of the code itself.
    pub pake: Option<String>,
}

impl JoinRequest {
    pub fn from_query(query: &str) -> JoinRequest {
        let mut request = JoinRequest::default();
        for pair in query.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            match key {
                "code" => request.code = Some(value.trim().to_uppercase()),
                "token" => request.token = Some(value),
                "name" => request.name = value.chars().take(80).collect(),
                "role" => request.observer = value == "observer",
                "pake" => request.pake = Some(value),
                _ => {}
            }
        }
        request
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What a browser sends first over its channel: the name it gives, or the token it
/// was welcomed with before.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum BrowserJoin {
    Token { token: String },
    Name {
        #[serde(default)]
        name: String,
        #[serde(default)]
        observer: bool,
    },
}

/// What the hub decides when the handshake arrives.
#[derive(Debug)]
pub enum Gate {
    /// A known token: straight in as that member.
    Member { token: String, member: Member },
    /// The right code: admitted now or after the lobby.
    Knock { name: String, role: Role },
    /// Not let in: the HTTP status and why.
    Refuse { status: u16, reason: Refusal },
}

/// Someone waiting in the lobby, as the facilitator sees them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LobbyEntry {
    pub id: u64,
    pub name: String,
    pub role: Role,
}

/// Someone let in: their role, their id in the roster and the name they gave.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub role: Role,
    pub person: String,
    pub name: String,
}

/// The person id of whoever holds the facilitator token.
pub const FACILITATOR_PERSON: &str = "facilitator";

/// The answer for someone who knocked: admitted with a token, or refused.
pub type Answer = Result<(String, Member), Refusal>;

/// Codes, tokens and the lobby of one hub.
pub struct Admission {
    code: String,
    facilitator_token: String,
    members: HashMap<String, Member>,
    lobby: Vec<(LobbyEntry, oneshot::Sender<Answer>)>,
    next_id: u64,
    pub auto_admit: bool,
    wrong: HashMap<IpAddr, VecDeque<Instant>>,
    /// Apps' key exchanges not yet proved, per address.
    pending: HashMap<IpAddr, usize>,
    link_key: String,
    lead_key: String,
    /// Names the person whom the facilitator removed: their connections end.
    pub removed: broadcast::Sender<String>,
    /// Fires when the lobby changes, and (shared with the rooms and connections) when
    /// presence or the connections change: a signal to read the status again.
    pub status: broadcast::Sender<()>,
}

impl Admission {
    pub fn new(code: String, facilitator_token: String, auto_admit: bool) -> Admission {
        let mut members = HashMap::new();
        let facilitator = Member { role: Role::Facilitator, person: FACILITATOR_PERSON.into(), name: String::new() };
        members.insert(facilitator_token.clone(), facilitator);
        let status = broadcast::channel(64).0;
        let removed = broadcast::channel(64).0;
        let (link_key, lead_key) = (new_token(), new_token());
        let wrong = HashMap::new();
        let pending = HashMap::new();
        Admission { code, facilitator_token, members, lobby: Vec::new(), next_id: 1, auto_admit, wrong, pending, link_key, lead_key, removed, status }
    }

    /// The high-entropy key a browser's join link carries in its fragment.
    pub fn link_key(&self) -> &str {
        &self.link_key
    }

    /// The key of the co-facilitator's browser link: the facilitator's role.
    pub fn lead_key(&self) -> &str {
        &self.lead_key
    }

    /// What a browser proves it knows with `secret`.
    pub fn password(&self, secret: Secret) -> &str {
        match secret {
            Secret::Code => &self.code,
            Secret::LinkKey => &self.link_key,
            Secret::LeadKey => &self.lead_key,
        }
    }

    /// Decides a browser's join, sent over its channel once it proved `secret`. The
    /// facilitator's token never works here: a co-facilitator's browser proves the lead key.
    pub fn browser_gate(&mut self, secret: Secret, join: &BrowserJoin) -> Gate {
        if secret == Secret::LeadKey {
            let member = Member { role: Role::Facilitator, person: FACILITATOR_PERSON.into(), name: String::new() };
            return Gate::Member { token: String::new(), member };
        }
        match join {
            BrowserJoin::Token { token } if *token == self.facilitator_token => {
                Gate::Refuse { status: 403, reason: Refusal::FacilitatorTokenInBrowser }
            }
            BrowserJoin::Token { token } => match self.members.get(token) {
                Some(member) => Gate::Member { token: token.clone(), member: member.clone() },
                None => Gate::Refuse { status: 401, reason: Refusal::TokenUnknown },
            },
            BrowserJoin::Name { name, observer } => {
                let role = if *observer { Role::Observer } else { Role::Participant };
                Gate::Knock { name: name.chars().take(80).collect(), role }
            }
        }
    }

    /// Whether `ip` has used up its guesses; a browser's exchange is refused then.
    pub fn guesses_used(&mut self, ip: IpAddr) -> bool {
        self.too_many_wrong(ip)
    }

    /// A browser from `ip` did not know the secret it claimed.
    pub fn wrong_guess(&mut self, ip: IpAddr) {
        self.wrong.entry(ip).or_default().push_back(Instant::now());
    }

    /// An app's key exchange from `ip` begins; false (refused) when the address has
    /// used its guesses or has too many exchanges unfinished.
    pub fn begin_exchange(&mut self, ip: IpAddr) -> bool {
        let pending = self.pending.get(&ip).copied().unwrap_or(0);
        if pending >= EXCHANGES_AT_ONCE || self.too_many_wrong(ip) {
            return false;
        }
        self.pending.insert(ip, pending + 1);
        true
    }

    /// The exchange ended: unless the app proved the code, it was a wrong guess.
    pub fn end_exchange(&mut self, ip: IpAddr, proved: bool) {
        if let Some(pending) = self.pending.get_mut(&ip) {
            *pending = pending.saturating_sub(1);
        }
        if !proved {
            self.wrong_guess(ip);
        }
    }

    /// Removes a person from the workshop: their tokens stop working at once and their
    /// connections end. False if nobody had that id.
    pub fn remove(&mut self, person: &str) -> bool {
        if person == FACILITATOR_PERSON {
            return false;
        }
        let before = self.members.len();
        self.members.retain(|_, m| m.person != person);
        let _ = self.removed.send(person.to_string());
        let _ = self.status.send(());
        self.members.len() != before
    }

    /// Everyone let in, once each, in the order of their names; not the facilitator.
    pub fn members(&self) -> Vec<Member> {
        let mut members: Vec<Member> = self.members.values().filter(|m| m.person != FACILITATOR_PERSON).cloned().collect();
        members.sort_by(|a, b| (&a.name, &a.person).cmp(&(&b.name, &b.person)));
        members.dedup_by(|a, b| a.person == b.person);
        members
    }

    /// The session ended: every token but the facilitator's stops working.
    pub fn end_session(&mut self) {
        let facilitator = self.facilitator_token.clone();
        self.members.retain(|token, _| *token == facilitator);
    }

    pub fn code(&self) -> &str {
        &self.code
    }

    pub fn facilitator_token(&self) -> &str {
        &self.facilitator_token
    }

    /// Checks a handshake's join request from `ip`.
    pub fn gate(&mut self, ip: IpAddr, request: &JoinRequest) -> Gate {
        if let Some(member) = request.token.as_ref().and_then(|t| self.members.get_mut(t)) {
            if !request.name.is_empty() {
                member.name = request.name.clone();
            }
            let token = request.token.clone().unwrap_or_default();
            return Gate::Member { token, member: member.clone() };
        }
        if self.too_many_wrong(ip) {
            return Gate::Refuse { status: 429, reason: Refusal::TooManyWrongCodes };
        }
        match &request.code {
            Some(code) if code.trim().eq_ignore_ascii_case(&self.code) => {
                let role = if request.observer { Role::Observer } else { Role::Participant };
                Gate::Knock { name: request.name.clone(), role }
            }
            Some(_) => {
                self.wrong.entry(ip).or_default().push_back(Instant::now());
                Gate::Refuse { status: 403, reason: Refusal::WrongCode }
            }
            None if request.token.is_some() => {
                Gate::Refuse { status: 401, reason: Refusal::TokenUnknown }
            }
            None => Gate::Refuse { status: 401, reason: Refusal::CodeNeeded },
        }
    }

    fn too_many_wrong(&mut self, ip: IpAddr) -> bool {
        let Some(times) = self.wrong.get_mut(&ip) else { return false };
        while times.front().is_some_and(|t| t.elapsed() > WRONG_CODE_WINDOW) {
            times.pop_front();
        }
        times.len() >= WRONG_CODES_ALLOWED
    }

    /// Lets someone with the right code in now (auto-admit) or puts them in the lobby,
    /// unless all its seats are taken.
    pub fn knock(&mut self, name: String, role: Role) -> oneshot::Receiver<Answer> {
        let (tx, rx) = oneshot::channel();
        if self.auto_admit {
            let _ = tx.send(Ok(self.member(role, name)));
        } else if self.lobby().len() >= super::limits::LOBBY_SEATS {
            let _ = tx.send(Err(Refusal::LobbyFull));
        } else {
            let entry = LobbyEntry { id: self.next_id, name, role };
            self.next_id += 1;
            self.lobby.push((entry, tx));
            let _ = self.status.send(());
        }
        rx
    }

    /// A new member with a token and a roster id of their own.
    fn member(&mut self, role: Role, name: String) -> (String, Member) {
        let token = new_token();
        let member = Member { role, person: crate::model::new_id(), name };
        self.members.insert(token.clone(), member.clone());
        (token, member)
    }

    /// Who is waiting, oldest first; those who left are dropped.
    pub fn lobby(&mut self) -> Vec<LobbyEntry> {
        let before = self.lobby.len();
        self.lobby.retain(|(_, tx)| !tx.is_closed());
        if self.lobby.len() != before {
            let _ = self.status.send(());
        }
        self.lobby.iter().map(|(entry, _)| entry.clone()).collect()
    }

    /// Admits a waiting person, optionally with another role. False if they are gone.
    pub fn admit(&mut self, id: u64, role: Option<Role>) -> bool {
        let Some(i) = self.lobby.iter().position(|(e, _)| e.id == id) else { return false };
        let (entry, tx) = self.lobby.remove(i);
        let _ = self.status.send(());
        let role = role.unwrap_or(entry.role);
        tx.send(Ok(self.member(role, entry.name))).is_ok()
    }

    pub fn deny(&mut self, id: u64) -> bool {
        let Some(i) = self.lobby.iter().position(|(e, _)| e.id == id) else { return false };
        let (_, tx) = self.lobby.remove(i);
        let _ = self.status.send(());
        tx.send(Err(Refusal::NotLetIn)).is_ok()
    }

    /// Turning auto-admit on lets everyone waiting in.
    pub fn set_auto_admit(&mut self, on: bool) {
        self.auto_admit = on;
        let _ = self.status.send(());
        if on {
            for entry in self.lobby() {
                self.admit(entry.id, None);
            }
        }
    }

    /// Everyone let in but the facilitator, by token.
    pub fn members_by_token(&self) -> Vec<(String, Member)> {
        self.members.iter().filter(|(t, _)| **t != self.facilitator_token).map(|(t, m)| (t.clone(), m.clone())).collect()
    }

    /// Knows again the members a hub let in before it restarted.
    pub fn restore(&mut self, members: Vec<(String, Member)>) {
        self.members.extend(members.into_iter().filter(|(t, _)| *t != self.facilitator_token));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn knock(code: &str) -> JoinRequest {
        JoinRequest { code: Some(code.into()), ..JoinRequest::default() }
    }

    #[test]
    fn codes_use_only_unambiguous_characters() {
        let code = new_code();
        assert_eq!(code.len(), CODE_LEN, "codes are six characters");
        assert!(code.bytes().all(|b| ALPHABET.contains(&b)), "no I, L, O, 0 or 1 in {code}");
    }

    #[test]
    fn wrong_codes_are_rate_limited_per_address() {
        let mut admission = Admission::new("ABCDEF".into(), "f".into(), true);
        let ip: IpAddr = [10, 0, 0, 7].into();
        for _ in 0..WRONG_CODES_ALLOWED {
            assert!(matches!(admission.gate(ip, &knock("ZZZZZZ")), Gate::Refuse { status: 403, .. }));
        }
        let after = admission.gate(ip, &knock("ABCDEF"));
        assert!(matches!(after, Gate::Refuse { status: 429, .. }), "even the right code waits after five wrong ones");
        let other: IpAddr = [10, 0, 0, 8].into();
        assert!(matches!(admission.gate(other, &knock("abcdef")), Gate::Knock { .. }), "other laptops are not punished");
    }

    #[test]
    fn the_lobby_holds_people_until_admitted() {
        let mut admission = Admission::new("ABCDEF".into(), "f".into(), false);
        let mut answer = admission.knock("Aino".into(), Role::Participant);
        assert!(answer.try_recv().is_err(), "nobody is admitted without the facilitator");
        let id = admission.lobby()[0].id;
        assert!(admission.admit(id, Some(Role::Observer)));
        let (token, member) = answer.try_recv().expect("answered").expect("admitted");
        assert_eq!(member.role, Role::Observer, "the facilitator may change the role");
        let gate = admission.gate([127, 0, 0, 1].into(), &JoinRequest { token: Some(token), ..Default::default() });
        let Gate::Member { member: back, .. } = gate else { panic!("the token brings them back") };
        assert_eq!(back, member, "as the same person, with the same role");
    }

    #[test]
    fn removing_a_person_or_ending_the_session_ends_their_tokens() {
        let mut admission = Admission::new("ABCDEF".into(), "f".into(), true);
        let (mut aino, mut pekka) = (admission.knock("Aino".into(), Role::Participant), admission.knock("Pekka".into(), Role::Participant));
        let (aino_token, aino) = aino.try_recv().unwrap().unwrap();
        let (pekka_token, _) = pekka.try_recv().unwrap().unwrap();
        let back = |a: &mut Admission, token: &str| matches!(a.browser_gate(Secret::Code, &BrowserJoin::Token { token: token.into() }), Gate::Member { .. });
        assert_eq!(admission.members().len(), 2, "both are listed for the facilitator");
        assert!(admission.remove(&aino.person));
        assert!(!back(&mut admission, &aino_token), "a removed person's token is refused");
        assert!(back(&mut admission, &pekka_token), "the others' tokens still work");
        admission.end_session();
        assert!(!back(&mut admission, &pekka_token), "no token outlives its session");
        assert!(admission.members().is_empty());
    }
}
