//! The gate every zip-based file (`.xlsx`, `.docx`, `.ods`, `.odt`) passes
//! before a reader sees it: read once into memory (a regular file, at most
//! [`limits::FILE_BYTES`]), its parts counted and their declared sizes
//! checked against [`limits::ZIP_MEMBER_BYTES`] and
//! [`limits::ZIP_ARCHIVE_BYTES`] before anything is inflated, then every
//! part inflated once with a cap, which also checks its CRC: a damaged part
//! is an error naming it, never a table read from half a file.
//!
//! calamine and the zip crate read parts lazily and stop where the XML
//! they want ends, so neither would notice a bad checksum or a part larger
//! than declared; the readers then open the bytes checked here.

use std::io::{self, Cursor, Read};
use std::path::Path;
use std::sync::Arc;

use super::ReadError;
use crate::limits::{self, Limit};

/// The bytes of a file, shared cheaply between readers.
pub type Bytes = Cursor<Arc<[u8]>>;

/// Reads a file given to an importer: a regular file (never a pipe),
/// at most [`limits::FILE_BYTES`].
pub fn read_file(path: &Path) -> Result<Arc<[u8]>, ReadError> {
    crate::load::files::read_bytes(path)
        .map(Arc::from)
        .map_err(|d| ReadError::new(path, d.message, d.help.unwrap_or_default()))
}

/// Reads the zip file at `path` and checks every part (count, declared
/// and real sizes, CRC); returns the checked bytes.
pub fn read(path: &Path) -> Result<Arc<[u8]>, ReadError> {
    let bytes = read_file(path)?;
    check(path, bytes.clone())?;
    Ok(bytes)
}

/// [`read`], opened as a zip archive; `kind` names what the file should
/// be when it is not a zip at all (`a Word (.docx) file`), `help` says how
/// to save one.
pub fn open(path: &Path, kind: &str, help: &str) -> Result<zip::ZipArchive<Bytes>, ReadError> {
    let bytes = read_file(path)?;
    if zip::ZipArchive::new(Cursor::new(bytes.clone())).is_err() {
        return Err(ReadError::new(
            path,
            format!("this is not {kind}: it is not a zip file as {kind} is"),
            help,
        ));
    }
    check(path, bytes.clone())?;
    zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| not_zip(path, &e))
}

/// The text of the part `name` of a checked archive (at most
/// [`limits::ZIP_MEMBER_BYTES`], as checked), or `None` when it has none.
pub fn part(
    path: &Path,
    zip: &mut zip::ZipArchive<Bytes>,
    name: &str,
) -> Result<Option<String>, ReadError> {
    let mut f = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(damaged(path, &format!("the part {name:?}"), &e)),
    };
    let mut s = String::new();
    (&mut f)
        .take(limits::ZIP_MEMBER_BYTES.max)
        .read_to_string(&mut s)
        .map_err(|e| damaged(path, &format!("the part {name:?}"), &e))?;
    Ok(Some(s))
}

/// Checks the zip in `bytes` (the content of `path`) part by part.
pub fn check(path: &Path, bytes: Arc<[u8]>) -> Result<(), ReadError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| not_zip(path, &e))?;
    let parts = zip.len() as u64;
    if parts > limits::ZIP_MEMBERS.max {
        return Err(too_big(path, "the file", &limits::ZIP_MEMBERS, parts));
    }
    // Declared sizes first: nothing is inflated if they are too large.
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let (name, size) = {
            let f = zip
                .by_index_raw(i)
                .map_err(|e| damaged(path, &format!("part {i}"), &e))?;
            (part_name(&f, i), f.size())
        };
        if size > limits::ZIP_MEMBER_BYTES.max {
            return Err(too_big(
                path,
                &format!("the part {name:?}"),
                &limits::ZIP_MEMBER_BYTES,
                size,
            ));
        }
        total = total.saturating_add(size);
        if total > limits::ZIP_ARCHIVE_BYTES.max {
            return Err(too_big(
                path,
                "its parts together",
                &limits::ZIP_ARCHIVE_BYTES,
                total,
            ));
        }
    }
    // Then every part inflated once, with a cap whatever it declares: the
    // reader checks the CRC when it reaches the part's end.
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let mut f = zip
            .by_index(i)
            .map_err(|e| damaged(path, &format!("part {i}"), &e))?;
        let name = part_name(&f, i);
        if f.is_dir() {
            continue;
        }
        let cap = limits::ZIP_MEMBER_BYTES.max;
        let n = io::copy(&mut (&mut f).take(cap + 1), &mut io::sink())
            .map_err(|e| damaged(path, &format!("the part {name:?}"), &e))?;
        if n > cap {
            return Err(too_big(
                path,
                &format!("the part {name:?}"),
                &limits::ZIP_MEMBER_BYTES,
                n,
            ));
        }
        total = total.saturating_add(n);
        if total > limits::ZIP_ARCHIVE_BYTES.max {
            return Err(too_big(
                path,
                "its parts together",
                &limits::ZIP_ARCHIVE_BYTES,
                total,
            ));
        }
    }
    Ok(())
}

/// A part's name for messages (its number when the name is unreadable).
fn part_name<R: Read>(f: &zip::read::ZipFile<'_, R>, i: usize) -> String {
    f.name()
        .map(|n| n.into_owned())
        .unwrap_or_else(|_| format!("number {i}"))
}

fn not_zip(path: &Path, e: &dyn std::fmt::Display) -> ReadError {
    ReadError::new(
        path,
        format!("the file cannot be opened as a document or workbook (a zip file): {e}"),
        "check that the file opens in its program; save it again as .docx, .xlsx, .odt or .ods",
    )
}

fn damaged(path: &Path, part: &str, e: &dyn std::fmt::Display) -> ReadError {
    ReadError::new(
        path,
        format!("{part} of the file is damaged and cannot be read whole: {e}"),
        "the file was cut short or corrupted (in a download or on a disk): get it again, or open it in its program and save it again",
    )
}

fn too_big(path: &Path, what: &str, limit: &Limit, found: u64) -> ReadError {
    ReadError::new(
        path,
        format!("{what}: {}", limit.passed(found)),
        limit.help(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in parts {
            w.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn a_part_with_a_bad_checksum_is_named() {
        let mut bytes = zip_of(&[("xl/worksheets/sheet1.xml", &[b'x'; 5000])]);
        // The stored CRC sits 14 bytes into the local header and 16 into the
        // central one: change both.
        let name = b"xl/worksheets/sheet1.xml";
        let mut i = 0;
        while let Some(k) = bytes[i..].windows(name.len()).position(|w| w == name) {
            let at = i + k;
            if at >= 30 && bytes[at - 30..at - 26] == *b"PK\x03\x04" {
                bytes[at - 30 + 14] ^= 0xff;
            }
            if at >= 46 && bytes[at - 46..at - 42] == *b"PK\x01\x02" {
                bytes[at - 46 + 16] ^= 0xff;
            }
            i = at + 1;
        }
        let e = check(Path::new("b.xlsx"), Arc::from(bytes)).unwrap_err();
        assert!(e.message.contains("\"xl/worksheets/sheet1.xml\""), "{e}");
        assert!(e.message.contains("damaged"), "{e}");
    }

    #[test]
    fn sizes_are_checked_before_inflating() {
        // 80 MB of zeros compress to a few kilobytes.
        let zeros = vec![0u8; 80 * 1024 * 1024];
        let bytes = zip_of(&[("content.xml", &zeros)]);
        assert!(bytes.len() < 1024 * 1024);
        let e = check(Path::new("b.ods"), Arc::from(bytes)).unwrap_err();
        assert!(
            e.message
                .contains("\"content.xml\": 80 MB, more than the limit of 64 MB"),
            "{e}"
        );
        assert!(e.help.contains("not configurable"), "{e}");
        let ok = zip_of(&[("a.xml", b"<a/>"), ("b.xml", b"<b/>")]);
        assert!(check(Path::new("ok.ods"), Arc::from(ok)).is_ok());
    }

    #[test]
    fn not_a_zip_is_said_plainly() {
        let e = check(Path::new("x.docx"), Arc::from(&b"hello"[..])).unwrap_err();
        assert!(e.message.contains("zip"), "{e}");
    }
}
