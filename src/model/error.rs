use crate::ErrorCode;
use thiserror::Error;

/// Why a change to the workshop document was refused.
#[derive(Debug, Error)]
pub enum ModelError {
    #[error("There is no {what} with id {id}.")]
    NotFound { what: &'static str, id: String },
    #[error("Board {board} is a {found} board, not a {expected} board.")]
    WrongKind { board: String, expected: &'static str, found: String },
    #[error("Only café notes, ideas and cards on a free board can be grouped, not a {} board.", .0.as_str())]
    NotGroupable(crate::model::BoardKind),
    #[error("Paja suggests groups for at most {max} notes at a time, and this has {count}.")]
    TooManyToGroup { count: usize, max: usize },
    #[error("The change was not saved because {0}.")]
    Invalid(String),
    #[error("An update from another laptop could not be read: {0}.")]
    BadUpdate(String),
    #[error("This JSON is not a Paja workshop: {0}.")]
    BadJson(String),
    #[error("This JSON was made by a newer Paja (format {0}); update Paja to read it.")]
    NewerJson(u32),
    /// Refused for this person's role or the session's state; the text is the sentence.
    #[error("{0}")]
    NotAllowed(crate::Refusal),
}

impl ModelError {
    pub fn code(&self) -> ErrorCode {
        match self {
            ModelError::NotFound { .. } => ErrorCode::NotFound,
            ModelError::WrongKind { .. } | ModelError::NotGroupable(_) => ErrorCode::WrongKind,
            ModelError::Invalid(_) => ErrorCode::Invalid,
            ModelError::TooManyToGroup { .. } => ErrorCode::TooManyToGroup,
            ModelError::BadUpdate(_) => ErrorCode::BadUpdate,
            ModelError::BadJson(_) => ErrorCode::BadJson,
            ModelError::NewerJson(_) => ErrorCode::NewerJson,
            ModelError::NotAllowed(refusal) => ErrorCode::Refused(*refusal),
        }
    }
}
