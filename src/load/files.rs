//! Reading content files safely: only regular files are opened (a FIFO
//! would block the build for ever, a symlink loop would be dropped
//! silently), text must be UTF-8 (an invalid byte is reported at its line and
//! column), and raw control characters are removed with a warning.

use std::fs;
use std::io::Read;
use std::path::Path;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::diagnostics::{Diagnostic, Location};

/// Largest content file read, in bytes: bigger files are reported instead
/// of exhausting memory ([`crate::limits::FILE_BYTES`]).
pub const MAX_FILE_BYTES: u64 = crate::limits::FILE_BYTES.max;

/// What sits at a path where a content file or directory may be.
#[derive(Debug)]
pub enum Entry {
    /// Nothing: the optional file is simply absent.
    Missing,
    /// A regular file (possibly through a symlink).
    File,
    /// A directory (possibly through a symlink).
    Dir,
    /// Something that cannot be read as content: a FIFO, a socket, a
    /// device, a dangling link or a symlink loop. The diagnostic says which.
    Unusable(Diagnostic),
}

/// Looks at `path` without opening it.
pub fn entry(path: &Path) -> Entry {
    let Ok(link) = fs::symlink_metadata(path) else {
        return Entry::Missing;
    };
    match fs::metadata(path) {
        Ok(m) if m.is_file() => Entry::File,
        Ok(m) if m.is_dir() => Entry::Dir,
        Ok(_) => Entry::Unusable(
            Diagnostic::error(
                Location::file(path),
                "this is not a regular file (a pipe, socket or device): it cannot be read as content",
            )
            .with_help("replace it with an ordinary file, or remove it"),
        ),
        Err(e) => {
            let what = if link.file_type().is_symlink() {
                "this symbolic link leads nowhere (it is broken or loops)"
            } else {
                "this entry cannot be examined"
            };
            Entry::Unusable(
                Diagnostic::error(Location::file(path), format!("{what}: {e}"))
                    .with_help("point the link at an existing file, or replace it with the file"),
            )
        }
    }
}

/// Reads a UTF-8 text file and normalises it to NFC, so that text typed on
/// different systems compares equal. A byte-order mark is dropped.
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let bytes = read_bytes(path)?;
    let mut text = decode_utf8(bytes, path)?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    // Most files are NFC already: a quick check spares re-composing them
    // character by character.
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return Ok(text);
    }
    Ok(text.nfc().collect())
}

/// Reads the bytes of a regular file (never blocks on a pipe).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    match entry(path) {
        Entry::File => {}
        Entry::Missing => {
            return Err(
                Diagnostic::error(Location::file(path), "the file does not exist")
                    .with_help("create it (see docs/content.md for its format)"),
            )
        }
        Entry::Dir => {
            return Err(Diagnostic::error(
                Location::file(path),
                "a directory is where a file should be",
            )
            .with_help("rename or remove the directory"))
        }
        Entry::Unusable(d) => return Err(d),
    }
    let cannot = |e: std::io::Error| {
        Diagnostic::error(Location::file(path), format!("cannot read the file: {e}"))
    };
    let file = fs::File::open(path).map_err(cannot)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let limit = crate::limits::FILE_BYTES;
        return Err(Diagnostic::error(
            Location::file(path),
            format!(
                "the file is larger than {}: it is not read",
                crate::limits::amount(limit.max, limit.unit)
            ),
        )
        .with_help(limit.help()));
    }
    Ok(bytes)
}

/// Decodes UTF-8, reporting the first invalid byte at its line and column.
pub fn decode_utf8(bytes: Vec<u8>, path: &Path) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let (line, column) = line_column(bytes, valid);
        Diagnostic::error(
            Location::new(path, line, column),
            format!(
                "the file is not UTF-8 text: byte 0x{:02X} here is not valid UTF-8",
                bytes[valid]
            ),
        )
        .with_help("save the file as UTF-8 (in most editors: Save As… › Encoding › UTF-8)")
    })
}

/// 1-based line and column (in characters) of byte `offset` of `bytes`,
/// whose prefix up to `offset` is valid UTF-8.
pub fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// True for a character no text field may hold: a control character other
/// than tab and line feed (CR, NUL, ESC, DEL, C1 controls…), or one of the
/// noncharacters U+FFFE and U+FFFF. Such characters make the Atom feed
/// invalid XML and can inject lines into calendar files.
pub fn is_forbidden_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || c == '\u{FFFE}' || c == '\u{FFFF}'
}

// Invisible characters are the model's to define: names are compared
// without them there, and every published field is cleaned of them here.
pub use crate::model::text::{is_invisible, without_invisible};

/// True for a character removed from every text field: a forbidden
/// control character or an invisible formatting character.
pub fn is_removed(c: char) -> bool {
    is_forbidden_control(c) || is_invisible(c)
}

/// True for U+2028 and U+2029, which YAML counts as line breaks but
/// editors do not: they would shift every line number after them.
pub fn is_unicode_separator(c: char) -> bool {
    c == '\u{2028}' || c == '\u{2029}'
}

/// Removes forbidden control characters and invisible formatting
/// characters written directly in `text` (a CR is kept only as part of a
/// CRLF line end) and replaces the Unicode line and paragraph separators by
/// a space. Returns the cleaned text and the 1-based line and column of
/// each character removed or replaced.
pub fn strip_raw_controls(text: &str) -> (String, Vec<(usize, usize, char)>) {
    if !text
        .chars()
        .any(|c| is_removed(c) || is_unicode_separator(c))
    {
        return (text.to_string(), Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut removed = Vec::new();
    let (mut line, mut column) = (1, 1);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            out.push(c);
        } else if is_removed(c) {
            removed.push((line, column, c));
            column += 1;
            continue;
        } else if is_unicode_separator(c) {
            removed.push((line, column, c));
            out.push(' ');
        } else {
            out.push(c);
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else if c != '\r' {
            column += 1;
        }
    }
    (out, removed)
}

/// The warning for a control character removed at a location.
pub fn control_warning(location: Location, c: char) -> Diagnostic {
    let message = if is_unicode_separator(c) {
        format!(
            "invisible line separator U+{:04X} replaced by a space: it would shift line numbers",
            c as u32
        )
    } else if is_invisible(c) {
        let (name, why) = match c {
            '\u{200B}' => ("zero-width space", "names that look alike would differ"),
            '\u{200C}' | '\u{200D}' => ("zero-width joiner", "names that look alike would differ"),
            '\u{FEFF}' => (
                "zero-width no-break space",
                "names that look alike would differ",
            ),
            '\u{200E}' | '\u{200F}' => ("direction mark", "it can show text in a false order"),
            _ => (
                "bidirectional control",
                "it can show text in a false order (a date read backwards)",
            ),
        };
        format!(
            "invisible character U+{:04X} ({name}) removed: {why}",
            c as u32
        )
    } else {
        format!(
            "control character U+{:04X} removed: it cannot be shown and would corrupt feeds and calendars",
            c as u32
        )
    };
    Diagnostic::warning(location, message)
        .with_help("delete the invisible character (often pasted from another program)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_located_by_line_and_column() {
        let bytes = b"title: \"ok\"\nname: \"Ph\xF2ng\"\n".to_vec();
        let d = decode_utf8(bytes, Path::new("f.yaml")).unwrap_err();
        assert_eq!((d.location.line, d.location.column), (2, 10));
        assert!(d.message.contains("0xF2"), "{}", d.message);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let bytes = "Sở: \u{1}".as_bytes();
        assert_eq!(line_column(bytes, bytes.len() - 1), (1, 5));
    }

    #[test]
    fn invisible_and_bidi_characters_are_removed_and_located() {
        let (clean, removed) =
            strip_raw_controls("a: S\u{1edf}\u{200b} N\nd: \"\u{202e}30/10/2025\u{2069}\"\n");
        assert_eq!(clean, "a: S\u{1edf} N\nd: \"30/10/2025\"\n");
        assert_eq!(
            removed,
            vec![(1, 6, '\u{200b}'), (2, 5, '\u{202e}'), (2, 16, '\u{2069}')]
        );
        let w = control_warning(Location::new(Path::new("f"), 2, 5), '\u{202e}');
        assert!(
            w.message.contains("U+202E (bidirectional control)"),
            "{}",
            w.message
        );
        assert_eq!(
            without_invisible("S\u{1edf}\u{200b} N\u{1ed9}i v\u{1ee5}"),
            "S\u{1edf} N\u{1ed9}i v\u{1ee5}"
        );
    }

    #[test]
    fn raw_controls_are_removed_and_located() {
        let (clean, removed) = strip_raw_controls("a: b\r\nc: d\u{7}e\u{1b}\rf\n");
        assert_eq!(clean, "a: b\r\nc: def\n");
        assert_eq!(
            removed,
            vec![(2, 5, '\u{7}'), (2, 7, '\u{1b}'), (2, 8, '\r')]
        );
        let (clean, removed) = strip_raw_controls("a: b\u{2028}c\nd");
        assert_eq!(clean, "a: b c\nd");
        assert_eq!(removed, vec![(1, 5, '\u{2028}')]);
    }

    #[cfg(unix)]
    #[test]
    fn fifo_and_symlink_loop_are_errors_not_hangs() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("plan.md");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        let d = read_text(&fifo).unwrap_err();
        assert!(d.message.contains("not a regular file"), "{}", d.message);
        let a = dir.path().join("a.yaml");
        let b = dir.path().join("b.yaml");
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        assert!(matches!(entry(&a), Entry::Unusable(_)));
        let d = read_text(&a).unwrap_err();
        assert!(d.message.contains("loops"), "{}", d.message);
    }

    proptest::proptest! {
        /// Text reads back composed (NFC) and without a leading BOM,
        /// whether or not it was composed already.
        #[test]
        fn text_reads_back_composed_without_bom(s in "\\PC*", bom in proptest::bool::ANY, decomposed in proptest::bool::ANY) {
            let written: String = if decomposed { s.nfd().collect() } else { s.clone() };
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("f.yaml");
            let bytes = format!("{}{written}", if bom { "\u{feff}" } else { "" });
            std::fs::write(&path, bytes).unwrap();
            let read = read_text(&path).unwrap();
            let want: String = s.strip_prefix('\u{feff}').unwrap_or(&s).nfc().collect();
            proptest::prop_assert_eq!(read, want);
        }
    }
}
