//! Pictures in a workshop: a persona's avatar image. The picture is decoded,
//! downscaled to at most [`AVATAR_SIDE`] pixels and re-encoded as PNG, so no
//! metadata (location, camera, name) of the original survives into the file.

use super::{Outcome, WorkshopFile};
use crate::Error;
use crate::model::persona::Persona;
use crate::store::{StoreError, decode_image_limited};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use image::ImageFormat;
use serde_json::{Map, Value};
use std::io::Cursor;

/// The longest side of a stored avatar, in pixels.
pub const AVATAR_SIDE: u32 = 512;

/// Decodes a PNG or JPEG, fits it within [`AVATAR_SIDE`] and re-encodes it as PNG.
pub fn avatar_png(bytes: &[u8]) -> Result<Vec<u8>, Error> {
    let picture = decode_image_limited(bytes)?;
    let picture = if picture.width() > AVATAR_SIDE || picture.height() > AVATAR_SIDE {
        picture.thumbnail(AVATAR_SIDE, AVATAR_SIDE)
    } else {
        picture
    };
    let mut out = Vec::new();
    picture
        .to_rgba8()
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .map_err(|e| StoreError::BadPicture { detail: e.to_string() })?;
    Ok(out)
}

impl WorkshopFile {
    /// Stores a picture as a persona's avatar (`media:<sha256>`).
    pub fn set_persona_image(&mut self, board: &str, persona: &str, data_base64: &str) -> Result<Outcome, Error> {
        let bytes = STANDARD
            .decode(data_base64.trim())
            .map_err(|e| StoreError::BadPicture { detail: e.to_string() })?;
        let hash = self.put_media(&avatar_png(&bytes)?, "image/png")?;
        let mut patch = Map::new();
        patch.insert("avatar".into(), Value::String(format!("media:{hash}")));
        self.change(|w| w.patch::<Persona>(board, persona, &patch))?;
        Ok(Outcome { id: Some(hash) })
    }

    /// A stored picture as a `data:` URL the UI can show.
    pub fn media_data_url(&self, hash: &str) -> Result<String, Error> {
        let bytes = self.media(hash)?;
        Ok(format!("data:image/png;base64,{}", STANDARD.encode(bytes)))
    }
}
