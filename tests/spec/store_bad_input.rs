//! Bad files and bad pictures are refused with one clear sentence, and the file on
//! disk stays exactly as it was.


use std::path::{Path, PathBuf};

use crate::support::store::{Writer, fingerprint};
use paja::store::{DocName, Store, StoreError, decode_image_limited};
use rand::RngExt;

/// A real, closed `.paja` file with some content.
fn real_paja(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    let path = dir.path().join(name);
    let store = Store::create(&path).expect("create");
    let writer = Writer::new();
    for i in 0..300 {
        let key = format!("card-{i}-with-a-longer-name-so-the-file-spans-pages");
        store
            .append(DocName::Content, &writer.set(&key, i))
            .expect("append");
    }
    store
        .create_version("Versio 1.0", &writer.state(), b"")
        .expect("version");
    path
}

/// One sentence: ends with a full stop, no sentence break or line break inside.
fn assert_one_sentence(err: &StoreError, must_mention: &str) {
    let msg = err.to_string();
    assert!(
        msg.ends_with('.'),
        "a sentence ends with a full stop: {msg}"
    );
    assert!(
        !msg.contains(". ") && !msg.contains('\n'),
        "only one sentence: {msg}"
    );
    assert!(
        msg.contains(must_mention),
        "the message says what is wrong ({must_mention}): {msg}"
    );
}

/// Opening `path` is refused with `code`, and leaves its bytes and side files as found.
fn assert_open_refused_untouched(path: &Path, code: &str, must_mention: &str) -> StoreError {
    let before = fingerprint(path);
    let err = Store::open(path).expect_err("this file must be refused");
    assert_eq!(err.code(), code, "wrong kind of refusal: {err}");
    assert_one_sentence(&err, must_mention);
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .expect("utf-8 name");
    assert!(
        err.to_string().contains(name),
        "the message names the file: {err}"
    );
    let after = fingerprint(path);
    assert!(
        before.0 == after.0,
        "a refused file must stay byte-identical"
    );
    assert_eq!(
        (before.1, before.2),
        (after.1, after.2),
        "no -wal or -shm left behind"
    );
    err
}

#[test]
fn a_truncated_file_is_refused_as_damaged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let whole = std::fs::read(real_paja(&dir, "whole.paja")).expect("read");
    assert!(
        whole.len() >= 4 * 4096,
        "the sample spans several pages ({} bytes)",
        whole.len()
    );
    let cut = dir.path().join("cut.paja");
    std::fs::write(&cut, &whole[..whole.len() / 2]).expect("write half");
    assert_open_refused_untouched(&cut, "damaged", "damaged");

    let cut_on_page = dir.path().join("cut-on-page.paja");
    std::fs::write(&cut_on_page, &whole[..2 * 4096]).expect("write two pages");
    assert_open_refused_untouched(&cut_on_page, "damaged", "cut short");
}

#[test]
fn random_bytes_are_not_a_paja_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("noise.paja");
    let mut noise = vec![0u8; 64 * 1024];
    rand::rng().fill(&mut noise[..]);
    std::fs::write(&path, &noise).expect("write");
    assert_open_refused_untouched(&path, "not_paja", "not a Paja workshop file");

    let empty = dir.path().join("empty.paja");
    std::fs::write(&empty, b"").expect("write");
    assert_open_refused_untouched(&empty, "not_paja", "not a Paja workshop file");
}

#[test]
fn another_programs_sqlite_file_is_not_a_paja_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("other.db");
    let conn = rusqlite::Connection::open(&path).expect("open");
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .expect("fill");
    drop(conn);
    assert_open_refused_untouched(&path, "not_paja", "not a Paja workshop file");
}

#[test]
fn a_file_from_a_newer_paja_is_refused_unread() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = real_paja(&dir, "future.paja");
    let conn = rusqlite::Connection::open(&path).expect("open with plain SQLite");
    conn.pragma_update(None, "user_version", 99)
        .expect("pretend a future schema");
    drop(conn);
    let err = assert_open_refused_untouched(&path, "too_new", "newer Paja");
    assert!(
        err.to_string().contains("99"),
        "the message gives the file's version: {err}"
    );
}

#[test]
fn a_file_damaged_inside_is_refused_by_the_quick_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = real_paja(&dir, "inside.paja");
    let mut bytes = std::fs::read(&path).expect("read");
    let last_page = bytes.len() - 4096;
    bytes[last_page..].fill(0xA5);
    std::fs::write(&path, &bytes).expect("write");
    assert_open_refused_untouched(&path, "damaged", "damaged");
}

#[test]
fn a_blob_over_the_media_limit_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = real_paja(&dir, "media.paja");
    let store = Store::open(&path).expect("open");
    store
        .put_media(b"a small note", "text/plain")
        .expect("a small blob fits");
    drop(store);
    let before = fingerprint(&path);

    let store = Store::open(&path).expect("open");
    let big = vec![7u8; 11 * 1024 * 1024];
    for mime in ["application/octet-stream", "image/png"] {
        let err = store
            .put_media(&big, mime)
            .expect_err("11 MiB is over the 10 MiB default");
        assert_eq!(err.code(), "too_large", "{err}");
        assert_one_sentence(&err, "the limit is 10 MiB");
        assert!(
            err.to_string().contains("11 MiB"),
            "the message gives the size: {err}"
        );
    }
    assert_eq!(
        store.media_count().expect("count"),
        1,
        "the refused blob was not stored"
    );
    drop(store);
    assert!(
        before.0 == fingerprint(&path).0,
        "a refused blob leaves the file byte-identical"
    );
}

#[test]
fn a_png_claiming_100000_pixels_square_is_refused_before_decoding() {
    let png = png_header_only(100_000, 100_000);
    let err = decode_image_limited(&png).expect_err("far over 8192 × 8192");
    assert_eq!(err.code(), "too_many_pixels", "{err}");
    assert_one_sentence(&err, "100000 × 100000 pixels; the limit is 8192 × 8192");

    let dir = tempfile::tempdir().expect("temp dir");
    let path = real_paja(&dir, "bomb.paja");
    let store = Store::open(&path).expect("open");
    let err = store
        .put_media(&png, "image/png")
        .expect_err("put_media decodes pictures under limits");
    assert_eq!(err.code(), "too_many_pixels", "{err}");
    assert_eq!(
        store.media_count().expect("count"),
        0,
        "the refused picture was not stored"
    );
}

/// PNG signature and a valid IHDR chunk; no pixel data.
fn png_header_only(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 6, 0, 0, 0]); // 8-bit RGBA, deflate, no filter, no interlace
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(13u32.to_be_bytes());
    png.extend(&ihdr);
    png.extend(crc32(&ihdr).to_be_bytes());
    png
}

/// CRC-32 (IEEE) as PNG chunks use it.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn crc32_matches_the_standard_check_value() {
    assert_eq!(
        crc32(b"123456789"),
        0xCBF4_3926,
        "the published CRC-32 check value"
    );
}

#[test]
fn a_missing_file_is_named_and_not_created() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("missing.paja");
    let err = Store::open(&path).expect_err("nothing to open");
    assert_eq!(err.code(), "file_not_found", "{err}");
    assert_one_sentence(&err, "missing.paja does not exist");
    assert!(!path.exists(), "open must never create a file");
}
