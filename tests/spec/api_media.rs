//! A persona's picture: downscaled, stripped of metadata, kept in the file.

use base64::Engine;
use paja::api::{Command, WorkshopFile};
use paja::model::{BoardContent, Workshop};
use serde_json::json;

fn run(file: &mut WorkshopFile, command: serde_json::Value) -> Option<String> {
    let command: Command = serde_json::from_value(command).expect("the command parses");
    file.execute(&command).expect("the command runs").id
}

fn big_png_with_text_chunk() -> Vec<u8> {
    let picture = image::RgbImage::from_fn(1200, 800, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
    let mut png = Vec::new();
    picture.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png).unwrap();
    // A tEXt chunk before IEND, as cameras and editors leave them.
    let iend = png.len() - 12;
    let data = b"Author\0Salainen Henkilo";
    let mut chunk = (data.len() as u32).to_be_bytes().to_vec();
    chunk.extend_from_slice(b"tEXt");
    chunk.extend_from_slice(data);
    chunk.extend_from_slice(&[0, 0, 0, 0]); // CRC is not checked by the decoder
    png.splice(iend..iend, chunk);
    png
}

#[test]
fn a_persona_picture_is_stored_at_most_512_px_and_without_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.paja");
    let mut file = WorkshopFile::create(&path, Workshop::new()).unwrap();
    let board = run(&mut file, json!({"cmd": "create_board", "kind": "persona", "title": "P", "session_id": null, "starter": false})).unwrap();
    let id = run(&mut file, json!({"cmd": "add_item", "board": board, "item": {"type": "Persona", "name": "Åke"}})).unwrap();
    let data = base64::engine::general_purpose::STANDARD.encode(big_png_with_text_chunk());
    let hash = run(&mut file, json!({"cmd": "set_persona_image", "board": board, "persona": id, "data_base64": data})).unwrap();
    drop(file);
    let file = WorkshopFile::open(&path).unwrap();
    let BoardContent::Persona(b) = &file.view().boards[0].content else { panic!() };
    assert_eq!(b.personas[0].avatar.as_deref(), Some(format!("media:{hash}").as_str()), "the persona points at the stored picture");
    let stored = file.media(&hash).unwrap();
    let picture = image::load_from_memory(&stored).unwrap();
    assert_eq!((picture.width(), picture.height()), (512, 341), "the longest side is 512 px and the shape is kept");
    assert!(!stored.windows(8).any(|w| w == b"Salainen"), "the text chunk of the original is gone");
}

#[test]
fn something_that_is_not_a_picture_is_refused_by_code() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = WorkshopFile::create(&dir.path().join("a.paja"), Workshop::new()).unwrap();
    let command: Command = serde_json::from_value(json!({"cmd": "set_persona_image", "board": "x", "persona": "y", "data_base64": "aGVsbG8="})).unwrap();
    let err = file.execute(&command).unwrap_err();
    assert_eq!(err.code(), "bad_picture", "the UI can tell the person the file was not a picture");
}
