//! A persona's picture: a drawn avatar as a simple vector figure, or a picture from the
//! workshop file embedded as an image.

use super::layout::Layout;
use printpdf::{Op, Pt, RawImage, XObjectTransform};

const BACKGROUNDS: [[f32; 3]; 6] = [
    [0.84, 0.9, 0.98],
    [0.98, 0.9, 0.8],
    [0.86, 0.95, 0.86],
    [0.95, 0.86, 0.93],
    [0.93, 0.93, 0.8],
    [0.85, 0.93, 0.95],
];
const SKIN: [[f32; 3]; 4] = [
    [0.96, 0.8, 0.66],
    [0.85, 0.65, 0.5],
    [0.62, 0.44, 0.32],
    [0.98, 0.87, 0.77],
];
const CLOTHES: [[f32; 3]; 5] = [
    [0.25, 0.4, 0.65],
    [0.6, 0.3, 0.35],
    [0.3, 0.5, 0.35],
    [0.45, 0.35, 0.55],
    [0.4, 0.4, 0.42],
];

/// Draws the avatar in the square (`x`, `top`, `size`). `drawn:<n>` picks colours by n;
/// `media:<hash>` embeds the bytes `media` returns; anything else gets a neutral figure.
pub fn draw(
    l: &mut Layout,
    avatar: Option<&str>,
    (x, top, size): (f32, f32, f32),
    media: &dyn Fn(&str) -> Option<Vec<u8>>,
) {
    let avatar = avatar.unwrap_or("");
    let picture = avatar.strip_prefix("media:").and_then(media);
    if picture.is_some_and(|bytes| image(l, &bytes, (x, top, size))) {
        return;
    }
    let n: usize = avatar
        .strip_prefix("drawn:")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    figure(l, n, (x, top, size));
}

fn figure(l: &mut Layout, n: usize, (x, top, size): (f32, f32, f32)) {
    let r = size / 2.0;
    let (cx, cy) = (x + r, top + r);
    l.fill_shape(&circle(cx, cy, r), BACKGROUNDS[n % BACKGROUNDS.len()]);
    l.clip_shape(&circle(cx, cy, r));
    let body = ellipse(cx, top + size * 0.98, size * 0.34, size * 0.3);
    l.fill_shape(&body, CLOTHES[(n / 2) % CLOTHES.len()]);
    l.fill_shape(
        &circle(cx, top + size * 0.4, size * 0.2),
        SKIN[(n / 3) % SKIN.len()],
    );
    l.push(Op::RestoreGraphicsState);
}

/// A circle as four Bézier arcs, in the point format of [`Layout::fill_shape`].
pub fn circle(cx: f32, cy: f32, r: f32) -> Vec<((f32, f32), bool)> {
    ellipse(cx, cy, r, r)
}

fn ellipse(cx: f32, cy: f32, rx: f32, ry: f32) -> Vec<((f32, f32), bool)> {
    const K: f32 = 0.5523;
    let (kx, ky) = (rx * K, ry * K);
    vec![
        ((cx + rx, cy), false),
        ((cx + rx, cy + ky), true),
        ((cx + kx, cy + ry), true),
        ((cx, cy + ry), false),
        ((cx - kx, cy + ry), true),
        ((cx - rx, cy + ky), true),
        ((cx - rx, cy), false),
        ((cx - rx, cy - ky), true),
        ((cx - kx, cy - ry), true),
        ((cx, cy - ry), false),
        ((cx + kx, cy - ry), true),
        ((cx + rx, cy - ky), true),
        ((cx + rx, cy), false),
    ]
}

/// Embeds a picture scaled into the square; false when the bytes are not an image.
fn image(l: &mut Layout, bytes: &[u8], (x, top, size): (f32, f32, f32)) -> bool {
    let Ok(raw) = RawImage::decode_from_bytes(bytes, &mut Vec::new()) else {
        return false;
    };
    let (w, h) = (raw.width.max(1) as f32, raw.height.max(1) as f32);
    let scale = (size / w).min(size / h);
    let page_h = l.pages.last().map(|p| p.height).unwrap_or(0.0);
    let id = l.doc.add_image(&raw);
    l.push(Op::UseXobject {
        id,
        transform: XObjectTransform {
            translate_x: Some(Pt(x + (size - w * scale) / 2.0)),
            translate_y: Some(Pt(page_h - top - h * scale)),
            scale_x: Some(scale),
            scale_y: Some(scale),
            dpi: Some(72.0),
            ..Default::default()
        },
    });
    true
}
