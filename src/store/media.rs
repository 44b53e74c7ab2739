//! `media`: pictures and other blobs, addressed by the SHA-256 of their bytes, so the
//! same picture added twice is stored once. Pictures are decoded under limits before
//! they are stored, so a hostile file cannot exhaust memory on any peer.

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, ImageReader, Limits};
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::StoreError;

/// Largest width or height of a picture we decode.
pub const MAX_SIDE: u32 = 8192;
/// Largest allocation a decoder may make.
pub const MAX_ALLOC: u64 = 256 * 1024 * 1024;

pub const CREATE: &str = "CREATE TABLE media (
    hash TEXT PRIMARY KEY,
    mime TEXT NOT NULL,
    data BLOB NOT NULL
) WITHOUT ROWID;";

/// Lower-case hex SHA-256 of `bytes`.
pub fn hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Stores `data` under its hash unless it is already there.
pub fn insert(conn: &Connection, hash: &str, mime: &str, data: &[u8]) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO media (hash, mime, data) VALUES (?1, ?2, ?3)",
        params![hash, mime, data],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, hash: &str) -> rusqlite::Result<Option<Vec<u8>>> {
    conn.query_row(
        "SELECT data FROM media WHERE hash = ?1",
        params![hash],
        |r| r.get(0),
    )
    .optional()
}

pub fn count(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT count(*) FROM media", [], |r| r.get(0))
}

/// Every blob whose bytes no longer hash to its key.
pub fn problems(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT hash, data FROM media")?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let (key, data): (String, Vec<u8>) = (row.get(0)?, row.get(1)?);
        if hash(&data) != key {
            out.push(format!("media {key} does not match its content"));
        }
    }
    Ok(out)
}

/// Decodes a PNG or JPEG picture, first reading only the dimensions its header claims
/// and refusing anything over [`MAX_SIDE`] before any pixel memory is allocated.
pub fn decode_image_limited(bytes: &[u8]) -> Result<DynamicImage, StoreError> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(bad)?;
    let format = reader.format();
    if !matches!(format, Some(ImageFormat::Png | ImageFormat::Jpeg)) {
        return Err(StoreError::BadPicture {
            detail: "it is in another format".into(),
        });
    }
    let (width, height) = match format {
        Some(ImageFormat::Png) => png_dimensions(bytes)?,
        _ => with_limits(reader, loose_limits())
            .into_dimensions()
            .map_err(bad)?,
    };
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(StoreError::TooManyPixels {
            width,
            height,
            max: MAX_SIDE,
        });
    }
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(bad)?;
    with_limits(reader, strict_limits()).decode().map_err(bad)
}

/// Width and height from a PNG's IHDR chunk, which must come first.
fn png_dimensions(bytes: &[u8]) -> Result<(u32, u32), StoreError> {
    let field = |at: usize| bytes.get(at..at + 4).and_then(|b| b.try_into().ok());
    match (bytes.get(12..16), field(16), field(20)) {
        (Some(b"IHDR"), Some(w), Some(h)) => Ok((u32::from_be_bytes(w), u32::from_be_bytes(h))),
        _ => Err(StoreError::BadPicture {
            detail: "its PNG header is missing".into(),
        }),
    }
}

fn with_limits(
    mut reader: ImageReader<Cursor<&[u8]>>,
    limits: Limits,
) -> ImageReader<Cursor<&[u8]>> {
    reader.limits(limits);
    reader
}

/// Limits for reading the header only: any size, so we can name it.
fn loose_limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_ALLOC);
    limits
}

fn strict_limits() -> Limits {
    let mut limits = loose_limits();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits
}

fn bad(err: impl std::fmt::Display) -> StoreError {
    StoreError::BadPicture {
        detail: super::error::clause(&err.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_lowercase_hex_sha256() {
        assert_eq!(
            hash(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "the FIPS 180-2 test vector for \"abc\""
        );
    }

    #[test]
    fn a_small_png_decodes() {
        let mut png = Vec::new();
        let img = DynamicImage::new_rgb8(3, 2);
        img.write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
            .expect("encode png");
        let back = decode_image_limited(&png).expect("a 3 × 2 PNG is within every limit");
        assert_eq!((back.width(), back.height()), (3, 2));
    }

    #[test]
    fn a_jpeg_claiming_60000_pixels_square_is_refused_by_its_header() {
        let mut jpeg = Vec::new();
        let img = DynamicImage::new_rgb8(16, 16);
        img.write_to(&mut Cursor::new(&mut jpeg), ImageFormat::Jpeg)
            .expect("encode jpeg");
        let sof = jpeg
            .windows(2)
            .position(|w| w == [0xFF, 0xC0])
            .expect("baseline SOF0 marker");
        let side = 60_000u16.to_be_bytes();
        jpeg[sof + 5..sof + 9].copy_from_slice(&[side[0], side[1], side[0], side[1]]);
        let err = decode_image_limited(&jpeg).expect_err("60000 × 60000 is over the limit");
        assert_eq!(
            err.code(),
            "too_many_pixels",
            "the header alone decides: {err}"
        );
    }

    #[test]
    fn text_is_not_a_picture() {
        let err = decode_image_limited(b"hello, not a picture").expect_err("text must be refused");
        assert_eq!(err.code(), "bad_picture");
    }
}
