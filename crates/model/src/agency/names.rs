//! The grammar of Vietnamese body names, for cells that name bodies the
//! registry does not know: each name begins with a kind word (`Bộ`, `Sở`,
//! `Ủy ban`, `Văn phòng`, `Ngân hàng`, …) followed by its proper part
//! (`Bộ Công an`, `UBND tỉnh`, `Sở KH&CN`), or is an abbreviation in
//! capitals (`NHNN`, `VPCP`); `các …` begins a group. A cell listing
//! several bodies is split where such a name begins, never inside one
//! (`Bộ Văn hóa, Thể thao và Du lịch` stays whole: `Thể thao` is no kind).
//! Two spellings of one name share a [`variant_key`].

use unicode_normalization::UnicodeNormalization;

/// Kind words and phrases that begin a body's name, folded to lower case.
/// Longer phrases are tried first, so `Ủy ban nhân dân` wins over `Ủy ban`.
const KINDS: &[&str] = &[
    "bộ",
    "bộ chỉ huy",
    "bộ tư lệnh",
    "bộ đội biên phòng",
    "sở",
    "ban",
    "ban chỉ đạo",
    "ban quản lý",
    "ủy ban",
    "uỷ ban",
    "ủy ban nhân dân",
    "uỷ ban nhân dân",
    "ubnd",
    "hội đồng",
    "hội đồng nhân dân",
    "hđnd",
    "văn phòng",
    "viện",
    "viện kiểm sát",
    "viện hàn lâm",
    "cục",
    "tổng cục",
    "chi cục",
    "ngân hàng",
    "bảo hiểm",
    "bảo hiểm xã hội",
    "bhxh",
    "thanh tra",
    "tòa án",
    "toà án",
    "đài",
    "thông tấn xã",
    "công an",
    "cảnh sát",
    "mặt trận",
    "đoàn",
    "đoàn thanh niên",
    "hội",
    "hiệp hội",
    "liên đoàn",
    "tổng liên đoàn",
    "liên hiệp",
    "liên minh",
    "tập đoàn",
    "tổng công ty",
    "công ty",
    "trung tâm",
    "kho bạc",
    "kiểm toán",
    "học viện",
    "đại học",
    "trường",
    "bệnh viện",
    "báo",
    "tạp chí",
    "nhà xuất bản",
    "quỹ",
    "phòng",
    "tổ công tác",
    "tỉnh ủy",
    "tỉnh uỷ",
    "thành ủy",
    "thành uỷ",
    "huyện ủy",
    "huyện uỷ",
    "đảng ủy",
    "đảng uỷ",
    "đảng đoàn",
    "ban cán sự",
    "trung ương",
    "cổng thông tin",
    "quân khu",
    "bộ chỉ huy quân sự",
    "chính phủ",
    "quốc hội",
    "chủ tịch",
    "thủ tướng",
];

/// Kind phrases that name a body with no proper part after them
/// (`Công an tỉnh` needs one; `Chính phủ`, `Quốc hội` do not).
const SELF_STANDING: &[&str] = &["chính phủ", "quốc hội", "thủ tướng"];

/// Words that may follow a kind word in lower case and still make a name:
/// levels and places (`UBND tỉnh`, `Công an xã`, `Ủy ban nhân dân cấp xã`).
const LOCALITIES: &[&str] = &[
    "tỉnh",
    "thành",
    "huyện",
    "quận",
    "thị",
    "xã",
    "phường",
    "cấp",
    "các",
    "trung",
    "tối",
    "nhân",
    "nhà",
    "nước",
    "quốc",
];

/// Words a group designation opens with (`các Bộ, ngành`, `Các cơ quan`).
const GROUP_OPENERS: &[&str] = &["các", "những", "toàn"];

/// [`body_starts_at`] after a connector (`và`, `với`, `cùng`): a bare
/// abbreviation does not count there, for abbreviated names join theirs
/// with `và` (`Bộ NN và PTNT`, `Sở KH và ĐT`).
pub fn body_starts_after_connector(chars: &[char], low: &[char], i: usize) -> bool {
    let i = skip_spaces(low, i);
    i < low.len() && !is_abbreviation(chars, i) && body_starts_at(chars, low, i)
}

/// True when the letters from `i` (a word start) begin a body's name by the
/// grammar: a kind phrase followed by a proper part (a capitalised word, an
/// abbreviation, a level or place word), a self-standing kind, an
/// abbreviation in capitals, or a group opener (`các`). `chars` is the
/// cell as printed (case matters: `Bộ Tài chính` begins a name, `bộ, ngành`
/// does not), `low` the same letters folded to lower case.
pub fn body_starts_at(chars: &[char], low: &[char], i: usize) -> bool {
    let i = skip_spaces(low, i);
    if i >= low.len() || !low[i].is_alphanumeric() {
        return false;
    }
    let first = word_at(low, i);
    if GROUP_OPENERS.contains(&first.as_str()) {
        // `các Bộ`, `các cơ quan`: a group whenever a word follows.
        let next = skip_spaces(low, i + first.chars().count());
        return next < low.len() && low[next].is_alphanumeric();
    }
    if is_abbreviation(chars, i) {
        return true;
    }
    let Some(len) = kind_at(low, i) else {
        return false;
    };
    let kind: String = low[i..i + len].iter().collect();
    if SELF_STANDING.contains(&kind.as_str()) {
        return true;
    }
    let next = skip_spaces(low, i + len);
    if next == i + len || next >= low.len() || !low[next].is_alphanumeric() {
        // `Ban,` or `Sở` at the end: a kind word alone names no body.
        return false;
    }
    chars[next].is_uppercase()
        || is_abbreviation(chars, next)
        || LOCALITIES.contains(&word_at(low, next).as_str())
}

/// The length in letters of the longest kind phrase at `i`, ending at a
/// word boundary.
pub fn kind_at(low: &[char], i: usize) -> Option<usize> {
    let mut best = None;
    for k in KINDS {
        let mut j = i;
        let mut ok = true;
        for c in k.chars() {
            if j >= low.len() || low[j] != c {
                ok = false;
                break;
            }
            j += 1;
        }
        let boundary = j == low.len() || !low[j].is_alphanumeric();
        if ok && boundary && best.is_none_or(|b| j - i > b) {
            best = Some(j - i);
        }
    }
    best
}

/// True when the word at `i` is an abbreviation: two or more capital
/// letters, possibly joined by `&` or `-` (`NHNN`, `KH&CN`, `LĐ-TB&XH`).
pub fn is_abbreviation(chars: &[char], i: usize) -> bool {
    let mut caps = 0;
    let mut j = i;
    while j < chars.len() && (chars[j].is_alphanumeric() || matches!(chars[j], '&' | '-')) {
        // Capitals with tone marks spell a word (`NHIỆM VỤ`), not letters
        // standing for words; `Đ` is a letter of its own (`HĐND`).
        if chars[j].is_lowercase() || !(chars[j].is_ascii() || chars[j] == 'Đ') {
            return false;
        }
        if chars[j].is_uppercase() {
            caps += 1;
        }
        j += 1;
    }
    caps >= 2
}

/// True when `name` (as printed) names one body by the grammar: it begins
/// with a kind phrase and a proper part, or is an abbreviation, or a group.
pub fn looks_like_a_body(name: &str) -> bool {
    let chars: Vec<char> = name.trim().chars().collect();
    let low: Vec<char> = chars
        .iter()
        .map(|c| c.to_lowercase().next().unwrap_or(*c))
        .collect();
    body_starts_at(&chars, &low, 0)
}

fn skip_spaces(low: &[char], mut i: usize) -> usize {
    while i < low.len() && low[i].is_whitespace() {
        i += 1;
    }
    i
}

fn word_at(low: &[char], i: usize) -> String {
    low[i..]
        .iter()
        .take_while(|c| c.is_alphanumeric())
        .collect()
}

/// Known abbreviations and their full words (lower case).
const ABBREVIATIONS: [(&str, &str); 10] = [
    ("tt", "trung tâm"),
    ("ubnd", "ủy ban nhân dân"),
    ("hđnd", "hội đồng nhân dân"),
    ("vp", "văn phòng"),
    ("mttq", "mặt trận tổ quốc"),
    ("kh&cn", "khoa học và công nghệ"),
    ("khcn", "khoa học và công nghệ"),
    ("tp", "thành phố"),
    ("bql", "ban quản lý"),
    ("bcđ", "ban chỉ đạo"),
];

/// The key two spellings of one agency share: lower case, old-style accent
/// placement (`uỷ`) folded, abbreviations spelled out, spacing folded,
/// trailing punctuation dropped.
pub fn variant_key(name: &str) -> String {
    // Invisible characters (a zero-width space) never tell names apart.
    let name = crate::text::without_invisible(name);
    let lower: String = name.nfc().collect::<String>().to_lowercase();
    let lower = lower
        .replace("uỷ", "ủy")
        .replace("hoà", "hòa")
        .replace("thuỷ", "thủy");
    let words: Vec<String> = lower
        .split_whitespace()
        .map(|w| {
            let bare = w.trim_end_matches(['.', ',', ';', ':']);
            ABBREVIATIONS
                .iter()
                .find(|(a, _)| *a == bare)
                .map_or_else(|| bare.to_string(), |(_, full)| full.to_string())
        })
        .collect();
    words
        .join(" ")
        .trim_end_matches(['.', ',', ';', ':'])
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(s: &str) -> bool {
        looks_like_a_body(s)
    }

    #[test]
    fn kind_words_with_a_proper_part_begin_a_body() {
        for s in [
            "Bộ Công an",
            "Bộ TTTT",
            "Sở KH&CN",
            "UBND tỉnh",
            "Ủy ban nhân dân cấp xã",
            "Công an tỉnh",
            "Ngân hàng Nhà nước Việt Nam",
            "NHNN",
            "VPCP",
            "các Bộ, ngành",
            "Các cơ quan liên quan",
            "Chính phủ",
            "Thông tấn xã Việt Nam",
            "bộ Quốc phòng",
            "Tổng Liên đoàn Lao động Việt Nam",
        ] {
            assert!(starts(s), "{s}");
        }
        for s in [
            "Ban, ngành",
            "ban ngành",
            "Thể thao và Du lịch",
            "ngành liên quan",
            "thành phố trực thuộc Trung ương",
            "Sở",
            "phối hợp với Bộ Tư pháp",
            "Du lịch",
            "Công nghệ",
            "Xã hội",
            "An ninh và Đối ngoại",
        ] {
            assert!(!starts(s), "{s}");
        }
    }
}
