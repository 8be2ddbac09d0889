//! What a document's first and last lines say of it, read verbatim for
//! `plan.md`'s front matter: the issuer as printed (above `CỘNG HÒA XÃ HỘI
//! CHỦ NGHĨA VIỆT NAM`), the number (`Số: 02-KH/BCĐ`, kept when left
//! blank), the place and date line, the type and title (`KẾ HOẠCH …`,
//! `V/v …`), the legal bases (`Căn cứ …`, `Thực hiện …`), the recipients
//! (`Kính gửi:`, `Nơi nhận:`) and the signatory. Nothing is guessed: a
//! field that cannot be read stays empty for the office to fill in.

use chrono::NaiveDate;

use super::paras::Para;

/// The front matter read from a document; every field verbatim.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Front {
    /// The issuer as printed.
    pub issuer_name: Option<String>,
    /// The document number as printed (`02-KH/BCĐ`, `/UBND-KH&CĐS`).
    pub number: Option<String>,
    /// `Kế hoạch`, `Công văn`, `Quyết định`, …
    pub doc_type: Option<String>,
    /// The title (`V/v …` for a letter).
    pub title: Option<String>,
    /// The place of issue.
    pub place: Option<String>,
    /// The place and date line as printed.
    pub date_text: Option<String>,
    /// The date of issue, when day, month and year are printed.
    pub date: Option<NaiveDate>,
    /// The `Căn cứ …` and `Thực hiện …` paragraphs.
    pub legal_bases: Vec<String>,
    /// `Kính gửi` and `Nơi nhận`, one line each.
    pub recipients: Vec<String>,
    /// The signatory's position lines (`KT. CHỦ TỊCH`, `PHÓ CHỦ TỊCH`).
    pub position: Option<String>,
    /// The paragraphs of the preamble that are none of these (an opening
    /// sentence such as `Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo:`).
    pub opening: Vec<String>,
}

/// Document types as printed in capitals, with their name in `doc_type`.
const TYPES: [(&str, &str); 10] = [
    ("KẾ HOẠCH", "Kế hoạch"),
    ("QUYẾT ĐỊNH", "Quyết định"),
    ("CHỈ THỊ", "Chỉ thị"),
    ("NGHỊ QUYẾT", "Nghị quyết"),
    ("THÔNG BÁO", "Thông báo"),
    ("CHƯƠNG TRÌNH", "Chương trình"),
    ("ĐỀ ÁN", "Đề án"),
    ("BÁO CÁO", "Báo cáo"),
    ("CÔNG ĐIỆN", "Công điện"),
    ("HƯỚNG DẪN", "Hướng dẫn"),
];

const NATION: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const MOTTO: &str = "Độc lập";

/// Reads the front matter from the preamble and the closing paragraphs.
pub fn read(preamble: &[Para], closing: &[Para]) -> Front {
    let mut f = Front::default();
    let mut in_recipients = false;
    // The issuer's lines, in capitals, stand before the nation's name.
    let mut issuer: Vec<String> = Vec::new();
    let mut nation_seen = false;
    for p in preamble {
        let t = p.text.trim();
        if !nation_seen {
            let at = t
                .find(NATION)
                .or_else(|| t.find("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
            let part = at.map_or(t, |a| &t[..a]).trim();
            let caps = part.chars().any(char::is_alphabetic)
                && part
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| !c.is_lowercase());
            if caps {
                issuer.push(squeeze(part));
                if at.is_none() {
                    continue;
                }
            } else if at.is_none() {
                issuer.clear();
            }
            if at.is_some() {
                nation_seen = true;
                if !issuer.is_empty() {
                    f.issuer_name = Some(issuer.join(" "));
                }
            }
        }
        header_fields(t, &mut f);
        if t.starts_with("Căn cứ") || t.starts_with("Thực hiện") {
            f.legal_bases.push(squeeze(t));
            in_recipients = false;
            continue;
        }
        if let Some(at) = t.find("Kính gửi") {
            in_recipients = true;
            let rest = t[at + "Kính gửi".len()..].trim_start_matches(':').trim();
            f.recipients.extend(list_lines(rest));
            if at == 0 {
                continue;
            }
        }
        if in_recipients && (p.label.is_some() || t.starts_with('-')) {
            f.recipients.push(squeeze(t.trim_start_matches('-').trim()));
            continue;
        }
        let is_header = t.contains(NATION)
            || t.contains(MOTTO)
            || t.starts_with("Số:")
            || t.starts_with("V/v")
            || TYPES.iter().any(|(caps, _)| t.starts_with(caps));
        if !is_header && !t.is_empty() {
            in_recipients = false;
            f.opening.push(squeeze(t));
        }
    }
    let mut in_list = false;
    let mut position: Vec<String> = Vec::new();
    for p in closing {
        let t = p.text.trim();
        if let Some(rest) = t.strip_prefix("Nơi nhận") {
            in_list = true;
            let rest = rest.trim_start_matches(':').trim();
            // The signatory's title often shares the line (`Nơi nhận: KT. CHỦ TỊCH`).
            if ["KT.", "TM.", "Q.", "TL."]
                .iter()
                .any(|k| rest.starts_with(k))
            {
                position.push(rest.to_string());
            } else {
                f.recipients.extend(list_lines(rest));
            }
            continue;
        }
        if in_list && (t.starts_with('-') || p.printed() == Some("-")) {
            f.recipients.push(squeeze(t.trim_start_matches('-').trim()));
            continue;
        }
        let caps = t
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| !c.is_lowercase());
        if in_list && !caps {
            // A recipient's line the page wrapped.
            if let Some(last) = f.recipients.last_mut() {
                last.push(' ');
                last.push_str(&squeeze(t));
                continue;
            }
        }
        if caps && !t.is_empty() && t.chars().any(char::is_alphabetic) {
            position.push(t.to_string());
        }
    }
    if !position.is_empty() {
        f.position = Some(position.join(" / "));
    }
    f
}

/// Lines of a `Kính gửi` list written on one line (`- A; - B`).
fn list_lines(s: &str) -> Vec<String> {
    s.split(" - ")
        .map(|x| squeeze(x.trim().trim_start_matches('-').trim()))
        .filter(|x| !x.is_empty())
        .collect()
}

/// Runs of spaces as one (a layout's padding is not the document's words).
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The number, place and date, type and title found in a header paragraph.
fn header_fields(t: &str, f: &mut Front) {
    if let Some(at) = t.find("Số:") {
        let rest = t[at + "Số:".len()..].trim_start();
        let token: String = rest
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string();
        if token.contains('/') && f.number.is_none() {
            f.number = Some(token);
        }
    }
    if let Some(at) = t.find(", ngày") {
        // The place is the capitalised words before `, ngày`.
        let before = &t[..at];
        let words: Vec<&str> = before.split_whitespace().collect();
        let place: Vec<&str> = words
            .iter()
            .rev()
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.contains('/'))
            .copied()
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let after = &t[at..];
        let end = after.find("năm ").map(|k| {
            let from = k + "năm ".len();
            let digits = after[from..]
                .chars()
                .take_while(char::is_ascii_digit)
                .count();
            from + digits
        });
        if let (false, Some(end)) = (place.is_empty(), end) {
            let line = format!("{}{}", place.join(" "), &after[..end]);
            f.place = Some(place.join(" "));
            f.date = date_of(&line);
            f.date_text = Some(squeeze(&line));
        }
    }
    if let Some(at) = t.find("V/v") {
        let title = t[at..].trim();
        let title = title.split("Kính gửi").next().unwrap_or(title).trim();
        f.doc_type.get_or_insert_with(|| "Công văn".to_string());
        f.title.get_or_insert_with(|| squeeze(title));
    }
    for (caps, name) in TYPES {
        if let Some(rest) = t.strip_prefix(caps) {
            let rest = rest.trim();
            if f.doc_type.is_none() {
                f.doc_type = Some(name.to_string());
                if !rest.is_empty() {
                    f.title = Some(squeeze(rest));
                }
            }
        }
    }
}

/// The date a place and date line prints, when day, month and year are
/// all there (`ngày 08 tháng 9 năm 2025`).
pub fn date_of(line: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let after = |w: &str| {
        words
            .iter()
            .position(|x| *x == w)
            .and_then(|i| words.get(i + 1))
            .and_then(|n| n.trim_end_matches([',', '.']).parse::<u32>().ok())
    };
    let (d, m, y) = (after("ngày")?, after("tháng")?, after("năm")?);
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import_plan::prose::paras::from_lines;

    #[test]
    fn the_header_and_signature_of_a_directive_letter() {
        let top = "ỦY BAN NHÂN DÂN \n\nTỈNH TUYÊN QUANG \n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \n\nĐộc lập – Tự do – Hạnh phúc \n\nSố:              /UBND-KH&CĐS Tuyên Quang, ngày         tháng        năm 2025 \n\nV/v triển khai thực hiện Thông báo số    \n\n02-TB/BCĐ ngày 27/10/2025 \n\nKính gửi:  \n\n - Công an tỉnh; \n\n - Các sở, ban, ngành. \n\nCăn cứ Kế hoạch số 02-KH/BCĐ ngày 17/10/2025; \n\nChủ tịch Ủy ban nhân dân tỉnh chỉ đạo: \n";
        let end =
            "Nơi nhận: KT. CHỦ TỊCH \n\n- Như trên (thực hiện); \n\n- Lưu VT. \n\nPHÓ CHỦ TỊCH \n";
        let f = read(&from_lines(top), &from_lines(end));
        assert_eq!(
            f.issuer_name.as_deref(),
            Some("ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG")
        );
        assert_eq!(f.number.as_deref(), Some("/UBND-KH&CĐS"));
        assert_eq!(f.place.as_deref(), Some("Tuyên Quang"));
        assert_eq!(
            f.date_text.as_deref(),
            Some("Tuyên Quang, ngày tháng năm 2025")
        );
        assert_eq!(f.date, None);
        assert_eq!(f.doc_type.as_deref(), Some("Công văn"));
        assert!(
            f.title
                .as_deref()
                .unwrap_or_default()
                .starts_with("V/v triển khai thực hiện Thông báo số"),
            "{f:?}"
        );
        assert_eq!(
            f.recipients,
            [
                "Công an tỉnh;",
                "Các sở, ban, ngành.",
                "Như trên (thực hiện);",
                "Lưu VT."
            ]
        );
        assert_eq!(
            f.legal_bases,
            ["Căn cứ Kế hoạch số 02-KH/BCĐ ngày 17/10/2025;"]
        );
        assert_eq!(f.opening, ["Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo:"]);
        assert_eq!(f.position.as_deref(), Some("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"));
        assert_eq!(
            date_of("Tuyên Quang, ngày 08 tháng 9 năm 2025"),
            NaiveDate::from_ymd_opt(2025, 9, 8)
        );
    }
}
