//! Errors of the `.paja` store: each message is one plain sentence a facilitator can
//! read, each variant has a stable [`StoreError::code`] the UI decides by.

use crate::ErrorCode;
use std::path::PathBuf;

/// Something the store refused or could not do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{} does not exist.", .path.display())]
    NotFound { path: PathBuf },

    #[error("{} already exists; choose another name.", .path.display())]
    Exists { path: PathBuf },

    #[error("{} is not a Paja workshop file.", .path.display())]
    NotPaja { path: PathBuf },

    #[error(
        "{} was made by a newer Paja (file version {found}; this Paja reads up to {supported}).",
        .path.display()
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    #[error("{} is damaged: {detail}.", .path.display())]
    Damaged { path: PathBuf, detail: String },

    #[error("{} could not be read or written: {detail}.", .path.display())]
    Io { path: PathBuf, detail: String },

    #[error("{} could not be used: {detail}.", .path.display())]
    Sqlite { path: PathBuf, detail: String },

    #[error("The picture is too large ({} MiB; the limit is {} MiB).", mib(*.size), mib(*.limit))]
    TooLarge { size: usize, limit: usize },

    #[error("The picture says it is {width} × {height} pixels; the limit is {max} × {max}.")]
    TooManyPixels { width: u32, height: u32, max: u32 },

    #[error("The picture could not be read as a PNG or JPEG image: {detail}.")]
    BadPicture { detail: String },

    #[error("{} has no picture with the id {hash}.", .path.display())]
    NoMedia { path: PathBuf, hash: String },

    #[error("{} already has a version named “{name}”; choose another name.", .path.display())]
    VersionExists { path: PathBuf, name: String },

    #[error("{} has no version named “{name}”.", .path.display())]
    NoVersion { path: PathBuf, name: String },

    #[error("A version needs a name that is not empty.")]
    EmptyVersionName,

    #[error("{} cannot be compacted up to update {upto}; its last update is {last}.", .path.display())]
    BadCompaction { path: PathBuf, upto: i64, last: i64 },
}

impl StoreError {
    /// A stable machine code for this kind of error; never changes with the wording.
    pub fn code(&self) -> ErrorCode {
        match self {
            StoreError::NotFound { .. } => ErrorCode::FileNotFound,
            StoreError::Exists { .. } => ErrorCode::Exists,
            StoreError::NotPaja { .. } => ErrorCode::NotPaja,
            StoreError::TooNew { .. } => ErrorCode::TooNew,
            StoreError::Damaged { .. } => ErrorCode::Damaged,
            StoreError::Io { .. } => ErrorCode::Io,
            StoreError::Sqlite { .. } => ErrorCode::Sqlite,
            StoreError::TooLarge { .. } => ErrorCode::TooLarge,
            StoreError::TooManyPixels { .. } => ErrorCode::TooManyPixels,
            StoreError::BadPicture { .. } => ErrorCode::BadPicture,
            StoreError::NoMedia { .. } => ErrorCode::NoMedia,
            StoreError::VersionExists { .. } => ErrorCode::VersionExists,
            StoreError::NoVersion { .. } => ErrorCode::NoVersion,
            StoreError::EmptyVersionName => ErrorCode::EmptyVersionName,
            StoreError::BadCompaction { .. } => ErrorCode::BadCompaction,
        }
    }

    pub(crate) fn io(path: &std::path::Path, err: &std::io::Error) -> StoreError {
        StoreError::Io {
            path: path.to_path_buf(),
            detail: clause(&err.to_string()),
        }
    }

    pub(crate) fn sqlite(path: &std::path::Path, err: &rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: path.to_path_buf(),
            detail: clause(&err.to_string()),
        }
    }

    pub(crate) fn damaged(path: &std::path::Path, detail: &str) -> StoreError {
        StoreError::Damaged {
            path: path.to_path_buf(),
            detail: clause(detail),
        }
    }
}

/// Turns a library message into a clause that fits inside our one sentence:
/// first line only, no trailing full stop, bounded length.
pub(crate) fn clause(text: &str) -> String {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    // SQLite's integrity reports open with a "*** in database main ***" banner line.
    let line = lines
        .find(|l| !l.starts_with("***"))
        .unwrap_or("the cause is unknown");
    let line = line.trim_end_matches(['.', ' ']);
    let mut out: String = line.chars().take(160).collect();
    if out.len() < line.len() {
        out.push('…');
    }
    out.replace(". ", "; ")
}

/// Bytes as MiB, whole when exact, else with one decimal.
fn mib(bytes: usize) -> String {
    let mib = bytes as f64 / (1024.0 * 1024.0);
    if bytes.is_multiple_of(1024 * 1024) {
        format!("{mib:.0}")
    } else {
        format!("{mib:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_keeps_one_line_without_full_stop() {
        assert_eq!(
            clause("*** in database main ***\nPage 5: bad."),
            "Page 5: bad"
        );
        assert_eq!(clause("disk I/O error."), "disk I/O error");
    }

    #[test]
    fn too_large_names_sizes_in_mib() {
        let e = StoreError::TooLarge {
            size: 11 * 1024 * 1024 + 512 * 1024,
            limit: 10 << 20,
        };
        assert_eq!(
            e.to_string(),
            "The picture is too large (11.5 MiB; the limit is 10 MiB)."
        );
    }
}
