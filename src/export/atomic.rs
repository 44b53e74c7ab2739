//! Writing an export file so that a failure never leaves a partial file behind.

use super::ExportError;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` all or nothing: into a temporary file in the same folder,
/// flushed to disk, then renamed over `path`. On any error the temporary file is removed
/// and `path` is left as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let fail = |source| ExportError::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.{}.part", std::process::id()));
    let written = write_synced(&temp, bytes).and_then(|()| std::fs::rename(&temp, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(fail(e));
    }
    if let Ok(dir) = std::fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_no_file() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let target = dir.path().join("missing-folder").join("out.pdf");
        let result = write_atomic(&target, b"x");
        assert!(result.is_err(), "the folder does not exist");
        assert!(!target.exists(), "no partial output");
    }

    #[test]
    fn a_write_replaces_the_whole_file() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let target = dir.path().join("out.csv");
        std::fs::write(&target, b"old and longer").expect("seed file");
        write_atomic(&target, b"new").expect("write");
        assert_eq!(std::fs::read(&target).expect("read"), b"new");
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(left.len(), 1, "no temporary file remains beside the output");
    }
}
