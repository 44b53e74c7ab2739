//! The stable codes of every error and refusal, the one thing the UI decides by.
//!
//! Each error type's `code()` maps its variant here; the UI shows the sentence it keeps
//! for the code (`error.<code>` in its language tables) and never the English message,
//! which stays for the command line and logs. A refusal (a rule of the session said no)
//! is a [`Refusal`]: its code and its English sentence live together there.
//!
//! To add a code: add a variant here (or to [`Refusal`]), map it in the error's
//! `code()`, and give `error.<code>` a sentence in `ui/src/i18n/fi.ts`, `sv.ts` and
//! `en.ts` (the UI's compiler refuses a missing one).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Every error the core (or the hub's RPC) can answer with, in snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    // The workshop file.
    FileNotFound,
    Exists,
    NotPaja,
    TooNew,
    Damaged,
    Io,
    Sqlite,
    TooLarge,
    TooManyPixels,
    BadPicture,
    NoMedia,
    VersionExists,
    NoVersion,
    EmptyVersionName,
    BadCompaction,
    UnknownTemplate,
    /// The desktop app has no workshop open.
    NoWorkshop,
    // The workshop document.
    NotFound,
    WrongKind,
    Invalid,
    BadUpdate,
    BadJson,
    NewerJson,
    /// More notes than affinity suggestions take at a time.
    TooManyToGroup,
    // Exports.
    NoSuchBoard,
    NoQualityCriteria,
    FontUnreadable,
    ImageEncoding,
    WriteFailed,
    BoardNeeded,
    // A live session.
    SyncMalformed,
    SyncListen,
    SyncConnection,
    SyncBadAddress,
    SyncCertificate,
    /// The hub refused with a sentence this Paja has no code for.
    SyncRefused,
    // The relay to a regional server.
    RelayUnreachable,
    RelayBadAddress,
    RelayCertificate,
    // The browser RPC.
    BadRequest,
    UnknownMethod,
    Internal,
    /// A rule of the session said no.
    #[serde(untagged)]
    Refused(Refusal),
}

/// Why a rule of the session (a role, a lock, a running round) or of the hub's door
/// said no. The code is the variant's snake_case name; `Display` is the English sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, thiserror::Error)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Refusal {
    #[error("Observers cannot make changes.")]
    ObserverCannotWrite,
    #[error("Only the facilitator can change the session controls.")]
    FacilitatorOnly,
    #[error("Only the facilitator can change the plan.")]
    PlanFacilitatorOnly,
    #[error("The facilitator has locked this.")]
    Locked,
    #[error("Only the facilitator's computer writes this.")]
    HubOnly,
    #[error("This is not a facilitator's command.")]
    NotFacilitatorCommand,
    #[error("This command is not known here.")]
    UnknownCommand,
    #[error("Drafts are kept in a workshop file.")]
    DraftsNeedFile,
    #[error("Evaluation answers are kept in a workshop file.")]
    AnswersNeedFile,
    #[error("Your card stays in this browser until the facilitator shows all cards.")]
    DraftInBrowser,
    #[error("This goes to the facilitator's laptop only; wait until you are connected again.")]
    NeedsConnection,
    #[error("Too much is still waiting to be sent; try again in a moment.")]
    SendQueueFull,
    // Silent writing.
    #[error("Silent writing is not running on this board.")]
    SilentNotHere,
    #[error("Silent writing works on a free board or an idea wall.")]
    SilentBoardKind,
    #[error("No silent writing round is running.")]
    NoSilentRound,
    // Dot voting.
    #[error("Each person needs at least one dot.")]
    EmptyBudget,
    #[error("No voting is running.")]
    NoVoting,
    #[error("Voting is not open on this board.")]
    VotingClosed,
    #[error("You have used all your dots.")]
    DotsUsed,
    #[error("You have not given a dot to this idea.")]
    NoDotGiven,
    #[error("A dot already shown cannot be taken back.")]
    DotShown,
    // The evaluation form.
    #[error("The evaluation form is not open.")]
    EvaluationClosed,
    #[error("You have already answered this question.")]
    AlreadyAnswered,
    #[error("Answer at least one question.")]
    NoAnswers,
    #[error("Each answer needs its number (1–5, or 0–5 on both scales) or words.")]
    AnswerOutOfRange,
    // Reflection rounds and traces.
    #[error("A round is already open on this model.")]
    RoundOpen,
    #[error("No round is open on this model.")]
    NoOpenRound,
    #[error("This cannot show where it came from.")]
    NotTraceable,
    // The learning café and small groups.
    #[error("No learning café is running.")]
    NoCafe,
    #[error("That was the last round; next comes the harvest.")]
    LastRound,
    #[error("Small groups have 3 or 4 people.")]
    GroupSize,
    #[error("There are no participants to split into groups yet.")]
    NoParticipants,
    // Joining.
    #[error("The join code is wrong.")]
    WrongCode,
    #[error("Too many wrong codes; wait a minute and try again.")]
    TooManyWrongCodes,
    #[error("A join code is needed.")]
    CodeNeeded,
    #[error("The reconnect token is not known here; join with the code.")]
    TokenUnknown,
    #[error("The facilitator's token does not work in a browser; use the co-facilitator's link.")]
    FacilitatorTokenInBrowser,
    #[error("You were removed from this workshop.")]
    Removed,
    #[error("The join code is wrong, or this is not the workshop's hub.")]
    HubNotProved,
    #[error("The facilitator did not let you in.")]
    NotLetIn,
    #[error("The lobby is full; wait a moment and try again.")]
    LobbyFull,
    #[error("Nobody let you in in time; try again.")]
    LobbyTimedOut,
    #[error("There is no such room here.")]
    NoSuchRoom,
    #[error("Paja apps connect to this hub over TLS only.")]
    TlsOnly,
    #[error("The facilitator has not opened this workshop to browsers.")]
    BrowsersClosed,
    #[error("The hub's certificate does not match the fingerprint; scan its QR code again.")]
    FingerprintMismatch,
    #[error("This hub uses TLS: join with its paja:// link or give --fingerprint.")]
    FingerprintNeeded,
    // The regional server.
    #[error("The regional server does not accept the token.")]
    RelayRefused,
    #[error("This is the server's copy. It can only be read.")]
    ReadOnlyCopy,
}

impl Refusal {
    /// The code alone, as it travels in a hub's answer.
    pub fn as_str(self) -> String {
        ErrorCode::Refused(self).as_str()
    }
}

impl ErrorCode {
    /// The snake_case name, as the UI and the JSON see it.
    pub fn as_str(self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(name)) => name,
            _ => format!("{self:?}"),
        }
    }
}

impl From<Refusal> for ErrorCode {
    fn from(refusal: Refusal) -> ErrorCode {
        ErrorCode::Refused(refusal)
    }
}

/// Lets tests and callers compare with the code's name: `assert_eq!(e.code(), "exists")`.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, name: &&str) -> bool {
        self.as_str() == *name
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.as_str())
    }
}

/// An error as it crosses IPC and the browser RPC: `{ code, message }`. The UI shows
/// the sentence it keeps for `code`; `message` is the English sentence, for logs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Failure {
    pub code: ErrorCode,
    pub message: String,
}

impl Failure {
    pub fn new(code: impl Into<ErrorCode>, message: impl ToString) -> Failure {
        Failure { code: code.into(), message: message.to_string() }
    }
}

impl From<Refusal> for Failure {
    fn from(refusal: Refusal) -> Failure {
        Failure::new(refusal, refusal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_refusals_are_one_flat_list_of_names() {
        assert_eq!(serde_json::to_string(&ErrorCode::NoVersion).unwrap(), "\"no_version\"");
        assert_eq!(
            serde_json::to_string(&ErrorCode::Refused(Refusal::ObserverCannotWrite)).unwrap(),
            "\"observer_cannot_write\"",
            "the UI sees a refusal's code like any other"
        );
        let back: ErrorCode = serde_json::from_str("\"locked\"").unwrap();
        assert_eq!(back, ErrorCode::Refused(Refusal::Locked), "a refusal's name reads back as that refusal");
        let back: ErrorCode = serde_json::from_str("\"too_new\"").unwrap();
        assert_eq!(back, ErrorCode::TooNew);
    }

    #[test]
    fn a_refusal_failure_carries_its_code_and_english_sentence() {
        let failure = Failure::from(Refusal::WrongCode);
        assert_eq!(failure.code, "wrong_code");
        assert_eq!(failure.message, "The join code is wrong.");
    }
}
