//! QR codes of the join link, as PNG (for the window) and SVG (for print).

use super::SyncError;
use qrcode::QrCode;
use qrcode::render::svg;

fn code(link: &str) -> Result<QrCode, SyncError> {
    QrCode::new(link.as_bytes()).map_err(|e| SyncError::Malformed(format!("the link does not fit a QR code ({e})")))
}

pub fn png(link: &str) -> Result<Vec<u8>, SyncError> {
    let image = code(link)?.render::<image::Luma<u8>>().min_dimensions(256, 256).build();
    let mut bytes = Vec::new();
    image
        .write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png)
        .map_err(|e| SyncError::Malformed(format!("the QR picture could not be made ({e})")))?;
    Ok(bytes)
}

pub fn svg(link: &str) -> Result<String, SyncError> {
    Ok(code(link)?.render::<svg::Color>().min_dimensions(256, 256).build())
}

#[cfg(test)]
mod tests {
    #[test]
    fn qr_codes_are_png_and_svg() {
        let link = "paja://192.168.1.20:7070?code=ABCDEF&fp=00ff";
        let png = super::png(link).expect("a short link fits");
        assert_eq!(&png[1..4], b"PNG", "the PNG starts with its signature");
        assert!(super::svg(link).expect("svg").contains("<svg"), "the SVG is an SVG document");
    }
}
