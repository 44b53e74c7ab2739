//! Reads the 100-byte SQLite header of a file without opening it as a database, so a
//! foreign, truncated or newer file is refused before SQLite could change a byte.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::{APPLICATION_ID, SCHEMA_VERSION, StoreError};

const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// What the header says; only used to refuse early.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub page_size: u64,
    /// Pages the header claims, when the header's count is trustworthy.
    pub page_count: Option<u64>,
    pub application_id: i64,
    pub user_version: i64,
}

/// Reads and checks the header of `path`: Paja's application id, a schema this Paja
/// reads, and a file at least as long as the header says (unless a write-ahead log
/// is present, which may legitimately hold pages a checkpoint had not yet written).
pub fn inspect(path: &Path) -> Result<Header, StoreError> {
    let mut file = File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => StoreError::NotFound {
            path: path.to_path_buf(),
        },
        _ => StoreError::io(path, &e),
    })?;
    let len = file.metadata().map_err(|e| StoreError::io(path, &e))?.len();
    let mut bytes = [0u8; 100];
    if len < 100 || file.read_exact(&mut bytes).is_err() {
        return Err(StoreError::NotPaja {
            path: path.to_path_buf(),
        });
    }
    let header = parse(&bytes).ok_or_else(|| StoreError::NotPaja {
        path: path.to_path_buf(),
    })?;
    if header.application_id != APPLICATION_ID {
        return Err(StoreError::NotPaja {
            path: path.to_path_buf(),
        });
    }
    if header.user_version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: header.user_version,
            supported: SCHEMA_VERSION,
        });
    }
    if !has_nonempty_wal(path) {
        check_length(path, &header, len)?;
    }
    Ok(header)
}

/// Parses the header fields we rely on; `None` if this is not an SQLite file.
pub fn parse(bytes: &[u8; 100]) -> Option<Header> {
    if &bytes[..16] != MAGIC {
        return None;
    }
    let page_size = match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65536,
        n if n >= 512 && n.is_power_of_two() => u64::from(n),
        _ => return None,
    };
    let change_counter = be_u32(bytes, 24);
    let count = be_u32(bytes, 28);
    // The in-header page count is only valid when written by SQLite 3.7.0 or later,
    // which records that by copying the change counter to offset 92.
    let page_count = (count > 0 && change_counter == be_u32(bytes, 92)).then_some(u64::from(count));
    Some(Header {
        page_size,
        page_count,
        application_id: i64::from(be_u32(bytes, 68) as i32),
        user_version: i64::from(be_u32(bytes, 60) as i32),
    })
}

fn check_length(path: &Path, header: &Header, len: u64) -> Result<(), StoreError> {
    if !len.is_multiple_of(header.page_size) {
        let detail = format!("its length ({len} bytes) is not a whole number of pages");
        return Err(StoreError::damaged(path, &detail));
    }
    if let Some(count) = header.page_count {
        let expected = count.saturating_mul(header.page_size);
        if len < expected {
            let detail = format!("it is cut short ({len} of {expected} bytes)");
            return Err(StoreError::damaged(path, &detail));
        }
    }
    Ok(())
}

fn be_u32(bytes: &[u8; 100], at: usize) -> u32 {
    u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// True if `<path>-wal` exists and holds at least one byte.
pub fn has_nonempty_wal(path: &Path) -> bool {
    std::fs::metadata(sidecar(path, "-wal")).is_ok_and(|m| m.len() > 0)
}

/// `<path>-wal` or `<path>-shm`.
pub fn sidecar(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header_bytes(page_size: u16, count: u32, app: u32, user: u32) -> [u8; 100] {
        let mut b = [0u8; 100];
        b[..16].copy_from_slice(MAGIC);
        b[16..18].copy_from_slice(&page_size.to_be_bytes());
        b[24..28].copy_from_slice(&7u32.to_be_bytes());
        b[92..96].copy_from_slice(&7u32.to_be_bytes());
        b[28..32].copy_from_slice(&count.to_be_bytes());
        b[60..64].copy_from_slice(&user.to_be_bytes());
        b[68..72].copy_from_slice(&app.to_be_bytes());
        b
    }

    #[test]
    fn parse_reads_the_fields_paja_relies_on() {
        let h = parse(&header_bytes(4096, 3, 0x5041_4a41, 1)).expect("valid header");
        assert_eq!(h.page_size, 4096);
        assert_eq!(h.page_count, Some(3));
        assert_eq!(h.application_id, 0x5041_4a41);
        assert_eq!(h.user_version, 1);
    }

    #[test]
    fn parse_refuses_wrong_magic_and_odd_page_size() {
        let mut b = header_bytes(4096, 3, 0, 0);
        b[0] = b'X';
        assert_eq!(parse(&b), None, "wrong magic is not SQLite");
        assert_eq!(
            parse(&header_bytes(1000, 3, 0, 0)),
            None,
            "1000 is not a page size"
        );
        assert_eq!(
            parse(&header_bytes(1, 3, 0, 0)).map(|h| h.page_size),
            Some(65536)
        );
    }
}
