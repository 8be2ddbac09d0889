//! One drawing, two files: every chart is drawn by the same code into an
//! SVG (scale 1, its `viewBox` `WIDTH` units wide) and into a PNG
//! (scale [`PNG_SCALE`]) with `plotters`' bitmap backend. The PNG's text is
//! drawn with the font the theme ships (`themes/default/fonts/`), built
//! into the program: no system font is read and nothing is fetched, so the
//! same chart gives the same bytes on any machine.

use std::io::Write;
use std::sync::Once;

use plotters::coord::Shift;
use plotters::prelude::*;

/// The font chart text is measured and drawn with: DejaVu Sans, cut to the
/// Latin and Vietnamese letters and common punctuation (see
/// `themes/default/fonts/README.md`).
const FONT: &[u8] = include_bytes!("../../../themes/default/fonts/DejaVuSans-vi.ttf");

/// How many PNG pixels a drawing unit is: 440 units become 880 pixels.
pub const PNG_SCALE: u32 = 2;

/// Registers the shipped font under the family every chart names, once.
/// Text layout (SVG and PNG alike) measures with it; without it `plotters`
/// would find no font and draw no text.
pub fn ensure_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The font is built into the program and known to parse (a test
        // holds this); if it ever did not, charts would lose their text,
        // not the build.
        let _ = plotters::style::register_font(super::FONT, FontStyle::Normal, FONT);
    });
}

/// Draws an SVG of `size` units with `draw`.
pub fn svg_of(size: (u32, u32), draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>)) -> String {
    ensure_font();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let _ = root.fill(&WHITE);
        draw(&root);
        let _ = root.present();
    }
    svg
}

/// Draws a PNG of `size` units at [`PNG_SCALE`] with `draw` (which is given
/// the scale's drawing area and draws everything `PNG_SCALE` times larger).
pub fn png_of(size: (u32, u32), draw: impl FnOnce(&DrawingArea<BitMapBackend, Shift>)) -> Vec<u8> {
    ensure_font();
    let (w, h) = (size.0 * PNG_SCALE, size.1 * PNG_SCALE);
    let mut rgb = vec![255u8; (w as usize) * (h as usize) * 3];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (w, h)).into_drawing_area();
        let _ = root.fill(&WHITE);
        draw(&root);
        let _ = root.present();
    }
    png(w, h, &rgb)
}

/// Encodes an RGB image as PNG (8 bits a channel, no filter, zlib at its
/// default level): the bytes depend on the pixels only.
pub fn png(width: u32, height: u32, rgb: &[u8]) -> Vec<u8> {
    let mut raw = Vec::with_capacity(rgb.len() + height as usize);
    for row in rgb.chunks(width as usize * 3) {
        raw.push(0);
        raw.extend_from_slice(row);
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing into a `Vec` does not fail.
    let _ = z.write_all(&raw);
    let data = z.finish().unwrap_or_default();
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &data);
    chunk(&mut out, b"IEND", &[]);
    out
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut crc = crc32fast::Hasher::new();
    crc.update(kind);
    crc.update(data);
    out.extend_from_slice(&crc.finalize().to_be_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_font_draws_vietnamese_letters() {
        // A letter drawn dark on white: some pixels are dark. The same
        // drawing twice gives the same bytes.
        let draw = || {
            png_of((60, 30), |root| {
                let _ = root.draw(&Text::new(
                    "Đường",
                    (4, 4),
                    super::super::text_style(20 * PNG_SCALE, &BLACK),
                ));
            })
        };
        let p = draw();
        assert_eq!(p, draw());
        let blank = png_of((60, 30), |_| {});
        assert_ne!(p, blank, "the text left no mark");
    }

    #[test]
    fn a_png_has_its_signature_size_and_checksums() {
        let p = png(2, 1, &[255, 0, 0, 0, 0, 255]);
        assert!(p.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert_eq!(&p[12..16], b"IHDR");
        assert_eq!(u32::from_be_bytes([p[16], p[17], p[18], p[19]]), 2);
        assert_eq!(u32::from_be_bytes([p[20], p[21], p[22], p[23]]), 1);
        assert!(p.ends_with(&[0xAE, 0x42, 0x60, 0x82]), "IEND's CRC");
    }
}
