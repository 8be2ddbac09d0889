//! Bodies named in a prose item's words: the lead an item opens with
//! (`Sở Nội vụ chủ trì …`, `Giao Sở Tài chính …`, `Ủy ban Kinh tế:`), the
//! bodies a heading names (`2. Văn phòng Ủy ban nhân dân tỉnh`), and the
//! cooperators after `phối hợp với` or `cùng`. A name ends where a
//! registered one ends, or, for a name no registry holds, at the verb or
//! the punctuation after it; a list goes on past `,` or `và` only where
//! another body begins.

use crate::model::agency::names;
use crate::model::Registry;

/// Words that open what a body is asked to do: a name no registry holds
/// ends before them.
const VERBS: &[&str] = &[
    "chủ trì",
    "phối hợp",
    "có trách nhiệm",
    "chịu trách nhiệm",
    "thực hiện",
    "triển khai",
    "tổ chức",
    "xây dựng",
    "rà soát",
    "tham mưu",
    "hướng dẫn",
    "theo dõi",
    "kiểm tra",
    "đôn đốc",
    "báo cáo",
    "tổng hợp",
    "trình",
    "ban hành",
    "nghiên cứu",
    "đề xuất",
    "hoàn thành",
    "bố trí",
    "đảm bảo",
    "bảo đảm",
    "quán triệt",
    "tập trung",
    "khẩn trương",
    "chỉ đạo",
    "cung cấp",
    "cập nhật",
    "xử lý",
    "giải quyết",
    "thẩm định",
    "thẩm tra",
    "soạn thảo",
    "dự thảo",
    "lập",
    "công bố",
    "tuyên truyền",
    "phổ biến",
    "tiếp tục",
    "nâng cao",
    "đẩy mạnh",
    "thường xuyên",
    "căn cứ",
    "theo",
    "để",
    "nhằm",
    "trong",
    "về",
    "tại",
    "được",
    "sẽ",
    "cần",
    "phải",
    "là",
    "giúp",
    "làm",
    "ký",
    "gửi",
    "tiếp nhận",
    "quản lý",
    "vận hành",
    "duy trì",
    "chuẩn bị",
    "phân công",
    "huy động",
    "ưu tiên",
    "đánh giá",
    "giám sát",
    "thống kê",
    "số hóa",
    "chỉnh lý",
    "bổ sung",
    "sửa đổi",
    "hoàn thiện",
    "thông tin",
    "đăng tải",
    "chuyển",
    "cử",
    "phê duyệt",
    "thành lập",
];

/// The two registries names are read against: the office's, then the
/// reference registry of national bodies.
pub struct Registries<'a> {
    /// `agencies.yaml`.
    pub own: &'a Registry,
    /// The reference registry's bodies.
    pub reference: &'a Registry,
}

/// Lower-cased characters, as the registries match.
fn folded(chars: &[char]) -> Vec<char> {
    chars
        .iter()
        .map(|&c| {
            if c.is_whitespace() {
                ' '
            } else {
                c.to_lowercase().next().unwrap_or(c)
            }
        })
        .collect()
}

fn word_at(low: &[char], i: usize) -> String {
    low[i..]
        .iter()
        .take_while(|c| c.is_alphanumeric())
        .collect()
}

/// True when a verb of [`VERBS`] begins at `i`.
fn verb_at(low: &[char], i: usize) -> bool {
    VERBS.iter().any(|v| {
        let v: Vec<char> = v.chars().collect();
        low.len() >= i + v.len()
            && low[i..i + v.len()] == v[..]
            && low.get(i + v.len()).is_none_or(|c| !c.is_alphanumeric())
    })
}

fn skip(low: &[char], mut i: usize) -> usize {
    while i < low.len() && low[i] == ' ' {
        i += 1;
    }
    i
}

impl Registries<'_> {
    /// The end (exclusive, in characters) of one body's name beginning at
    /// `i`: a registered name's, else (when the grammar of body names says
    /// one begins) the last word before a verb, a clause mark or the end.
    fn name_end(&self, chars: &[char], low: &[char], i: usize) -> Option<usize> {
        let known = [self.own, self.reference]
            .iter()
            .filter_map(|r| r.name_len_at(low, i))
            .max();
        if let Some(len) = known {
            return Some(i + len);
        }
        if !names::body_starts_at(chars, low, i) {
            return None;
        }
        let mut j = i;
        let mut end = i;
        while j < chars.len() {
            if matches!(chars[j], ';' | ':' | '(' | ')' | '.' | '\n') {
                break;
            }
            if chars[j] == ',' {
                // A group's designation holds commas (`Các cơ quan, đơn
                // vị`); another body or a verb after one ends it.
                let next = skip(low, j + 1);
                if next >= low.len()
                    || verb_at(low, next)
                    || self.starts_body(chars, low, next)
                    || !low[i..j].starts_with(&['c', 'á', 'c', ' '])
                {
                    break;
                }
                j += 1;
                continue;
            }
            if low[j].is_alphanumeric() && (j == 0 || !low[j - 1].is_alphanumeric()) {
                if j > i && (verb_at(low, j) || word_at(low, j) == "và") {
                    break;
                }
                let w = word_at(low, j);
                j += w.chars().count();
                end = j;
                continue;
            }
            j += 1;
        }
        (end > i).then_some(end)
    }

    fn starts_body(&self, chars: &[char], low: &[char], i: usize) -> bool {
        [self.own, self.reference]
            .iter()
            .any(|r| r.name_len_at(low, i).is_some())
            || names::body_starts_at(chars, low, i)
    }

    /// The list of bodies beginning at character `i` (`A, B và các cơ
    /// quan liên quan`): its end, or `None` when no body begins there.
    pub fn list_at(&self, chars: &[char], i: usize) -> Option<usize> {
        let low = folded(chars);
        let mut end = self.name_end(chars, &low, i)?;
        loop {
            let mut k = skip(&low, end);
            if k < low.len() && matches!(chars[k], ',' | ';') {
                k = skip(&low, k + 1);
            } else if word_at(&low, k) == "và" {
                k = skip(&low, k + 2);
            } else {
                break;
            }
            if word_at(&low, k) == "và" {
                k = skip(&low, k + 2);
            }
            match self.name_end(chars, &low, k) {
                Some(e) => end = e,
                None => break,
            }
        }
        Some(end)
    }

    /// The bodies an item's words open with, as the item names them, and
    /// the inference (`X chủ trì`, `X:`, `Giao X`, or a body the
    /// registries know followed by what it is to do).
    pub fn opening(&self, text: &str) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        let low = folded(&chars);
        let mut i = skip(&low, 0);
        for cue in ["giao cho ", "giao ", "đề nghị ", "yêu cầu "] {
            let c: Vec<char> = cue.chars().collect();
            if low.len() > i + c.len() && low[i..i + c.len()] == c[..] {
                i = skip(&low, i + c.len());
                break;
            }
        }
        let end = self.list_at(&chars, i)?;
        let after = skip(&low, end);
        let followed =
            after >= low.len() || matches!(chars[after], ':' | ',') || verb_at(&low, after);
        if !followed {
            return None;
        }
        let name: String = chars[i..end].iter().collect();
        Some(name.trim().trim_end_matches([',', ':']).trim().to_string())
    }

    /// The bodies an item names as its lead inside its words: `giao X`
    /// (`…, giao Sở Nội vụ chủ trì thực hiện`) or `X chủ trì` after a
    /// clause mark (`…; Sở Tư pháp chủ trì thẩm định`).
    pub fn inside(&self, text: &str) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        let low = folded(&chars);
        let mut k = 1;
        while k < low.len() {
            let at_word = low[k].is_alphanumeric() && !low[k - 1].is_alphanumeric();
            if at_word {
                let w = word_at(&low, k);
                let clause = chars[..k]
                    .iter()
                    .rev()
                    .find(|c| !c.is_whitespace())
                    .is_some_and(|c| matches!(c, ',' | ';' | ':' | '.'));
                let from = if w == "giao" {
                    let mut i = skip(&low, k + 4);
                    if word_at(&low, i) == "cho" {
                        i = skip(&low, i + 3);
                    }
                    Some(i)
                } else if clause {
                    Some(k)
                } else {
                    None
                };
                if let Some(i) = from {
                    if let Some(end) = self.list_at(&chars, i) {
                        let after = skip(&low, end);
                        let leads =
                            w == "giao" || word_at(&low, after) == "chủ" && verb_at(&low, after);
                        if leads {
                            let s: String = chars[i..end].iter().collect();
                            return Some(s.trim().trim_end_matches(',').trim().to_string());
                        }
                    }
                }
            }
            k += 1;
        }
        None
    }

    /// The bodies a heading names: its words are one list of bodies (an
    /// ending `:` aside), or open with one followed by what they are to do.
    pub fn heading(&self, text: &str) -> Option<String> {
        let t = text.trim().trim_end_matches(':').trim();
        // A title in capitals (`NHIỆM VỤ PHẦN 1`) names a section, not a
        // body, unless a registry holds it whole.
        let words = t.split_whitespace().count();
        let caps = t
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| !c.is_lowercase());
        if caps
            && words >= 3
            && [self.own, self.reference]
                .iter()
                .all(|r| r.lookup(t).is_none())
        {
            return None;
        }
        let chars: Vec<char> = t.chars().collect();
        let end = self.list_at(&chars, 0)?;
        if end == chars.len() {
            return Some(t.to_string());
        }
        self.opening(t)
    }

    /// The cooperating bodies an item names after `phối hợp với`,
    /// `phối hợp`, `cùng với` or `cùng`.
    pub fn cooperators(&self, text: &str) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        let low = folded(&chars);
        for cue in [
            "phối hợp với ",
            "phối hợp chặt chẽ với ",
            "phối hợp ",
            "cùng với ",
            "cùng ",
        ] {
            let c: Vec<char> = cue.chars().collect();
            let mut k = 0;
            while k + c.len() <= low.len() {
                let at_word = k == 0 || !low[k - 1].is_alphanumeric();
                if at_word && low[k..k + c.len()] == c[..] {
                    let i = skip(&low, k + c.len());
                    if let Some(end) = self.list_at(&chars, i) {
                        let s: String = chars[i..end].iter().collect();
                        return Some(s.trim().trim_end_matches(',').trim().to_string());
                    }
                }
                k += 1;
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::agency::{Agency, AgencyKind};
    use crate::model::AgencyId;

    fn reg(names: &[(&str, &str)]) -> Registry {
        Registry::new(
            names
                .iter()
                .map(|(id, n)| Agency {
                    id: AgencyId::new(id.to_string()).unwrap(),
                    name: n.to_string(),
                    name_en: None,
                    short: None,
                    kind: AgencyKind::Department,
                    level: None,
                    parent: None,
                    aliases: vec![],
                    members: vec![],
                    successor: None,
                    note: None,
                })
                .collect(),
        )
    }

    #[test]
    fn leads_from_the_opening_words() {
        let own = reg(&[
            ("so-khcn", "Sở Khoa học và Công nghệ"),
            ("so-ct", "Sở Công Thương"),
            ("so-nnmt", "Sở Nông nghiệp và Môi trường"),
        ]);
        let none = Registry::default();
        let r = Registries {
            own: &own,
            reference: &none,
        };
        let o = |t: &str| r.opening(t);
        assert_eq!(
            o("Sở Nội vụ chủ trì, phối hợp với Sở Khoa học và Công nghệ tổng hợp").as_deref(),
            Some("Sở Nội vụ")
        );
        assert_eq!(
            o("Giao Sở Tài chính bố trí kinh phí.").as_deref(),
            Some("Sở Tài chính")
        );
        assert_eq!(
            o("Ủy ban Kinh tế: thẩm tra dự án luật").as_deref(),
            Some("Ủy ban Kinh tế")
        );
        assert_eq!(
            o("Sở Khoa học và Công nghệ tổng hợp, báo cáo").as_deref(),
            Some("Sở Khoa học và Công nghệ")
        );
        assert_eq!(o("Tập trung rà soát toàn bộ nhiệm vụ"), None);
        assert_eq!(
            o("Chủ trì, phối hợp với Sở Khoa học và Công nghệ dự thảo"),
            None
        );
        assert_eq!(
            r.heading("Các cơ quan, đơn vị, địa phương triển khai thực hiện")
                .as_deref(),
            Some("Các cơ quan, đơn vị, địa phương")
        );
        assert_eq!(
            r.heading("Văn phòng Ủy ban nhân dân tỉnh").as_deref(),
            Some("Văn phòng Ủy ban nhân dân tỉnh")
        );
        assert_eq!(
            r.heading("a) Ủy ban Kinh tế:".trim_start_matches("a) "))
                .as_deref(),
            Some("Ủy ban Kinh tế")
        );
        assert_eq!(r.heading("Mục đích, yêu cầu"), None);
        assert_eq!(
            r.cooperators("Chủ trì, phối hợp với Sở Công Thương, Sở Nông nghiệp và Môi trường và các cơ quan, đơn vị có liên quan rà soát, ưu tiên").as_deref(),
            Some("Sở Công Thương, Sở Nông nghiệp và Môi trường và các cơ quan, đơn vị có liên quan")
        );
        assert_eq!(
            r.cooperators("Chủ trì, phối hợp với Sở Khoa học và Công nghệ dự thảo, trình")
                .as_deref(),
            Some("Sở Khoa học và Công nghệ")
        );
        assert_eq!(
            r.cooperators("Triển khai các giải pháp an toàn thông tin"),
            None
        );
        assert_eq!(
            r.inside("Đẩy mạnh tuyên truyền về chuyển đổi số, giao Sở Khoa học và Công nghệ chủ trì thực hiện").as_deref(),
            Some("Sở Khoa học và Công nghệ")
        );
        assert_eq!(
            r.inside("Rà soát văn bản; Sở Tư pháp chủ trì thẩm định, hoàn thành trong quý II")
                .as_deref(),
            Some("Sở Tư pháp")
        );
        assert_eq!(r.inside("Phối hợp với Sở Tư pháp thẩm định"), None);
    }
}
