//! Property tests: random dates written in each class's surface forms
//! (random case, spacing, zero padding and separators) read back to the
//! same meaning; arbitrary text never panics and is never half-read.

use chrono::Datelike;
use proptest::prelude::*;

use super::super::*;

/// Writing choices drawn at random for one phrase.
#[derive(Debug, Clone)]
struct Style {
    /// Bits choosing upper or lower case per character.
    case: u64,
    /// Bits choosing spacing per gap.
    space: u64,
    /// Zero-pad days and months.
    pad: bool,
    /// Date separator.
    sep: char,
}

fn style() -> impl Strategy<Value = Style> {
    (
        any::<u64>(),
        any::<u64>(),
        any::<bool>(),
        prop::sample::select(vec!['/', '-', '.', '–']),
    )
        .prop_map(|(case, space, pad, sep)| Style {
            case,
            space,
            pad,
            sep,
        })
}

impl Style {
    fn num(&self, n: u32) -> String {
        if self.pad {
            format!("{n:02}")
        } else {
            n.to_string()
        }
    }

    /// Joins pieces: words with one or more spaces (or a line break),
    /// separators with none or some.
    fn join(&self, pieces: &[String]) -> String {
        let mut out = String::new();
        let mut bits = self.space;
        for (k, p) in pieces.iter().enumerate() {
            if k > 0 {
                let sep_next = p.len() <= 3 && p.chars().all(|c| "/-.–".contains(c));
                let sep_prev = pieces[k - 1].chars().all(|c| "/-.–".contains(c));
                let gap = match (bits & 3, sep_next || sep_prev) {
                    (0, true) => "",
                    (1, _) => "  ",
                    (2, false) => "\n",
                    _ => " ",
                };
                bits >>= 2;
                out.push_str(gap);
            }
            out.push_str(p);
        }
        self.recase(&out)
    }

    fn recase(&self, s: &str) -> String {
        s.chars()
            .enumerate()
            .flat_map(|(k, c)| {
                let up = (self.case >> (k % 64)) & 1 == 1;
                let v: Vec<char> = if up {
                    c.to_uppercase().collect()
                } else {
                    vec![c]
                };
                v
            })
            .collect()
    }

    fn sep(&self) -> String {
        self.sep.to_string()
    }
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1900i32..=2100, 1u32..=12, 1u32..=31)
        .prop_filter_map("a real date", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

fn s(x: &str) -> String {
    x.to_string()
}

fn read(text: &str) -> DeadlineKind {
    let dl = Deadline::parse(text, None);
    assert!(dl.flags.is_empty(), "{text:?} flagged {:?}", dl.flags);
    dl.kind
}

proptest! {
    #[test]
    fn full_dates_read_back(dt in date(), st in style(), form in 0usize..4) {
        let (d, m, y) = (st.num(dt.day()), st.num(dt.month()), dt.year().to_string());
        let pieces = match form {
            0 => vec![d, st.sep(), m, st.sep(), y],
            1 => vec![s("ngày"), d, st.sep(), m, st.sep(), y],
            2 => vec![s("ngày"), d, s("tháng"), m, s("năm"), y],
            _ => vec![y, s("-"), format!("{:02}", dt.month()), s("-"), format!("{:02}", dt.day())],
        };
        let text = st.join(&pieces);
        prop_assert_eq!(read(&text), DeadlineKind::Due { due: Due::On { date: dt } }, "{:?}", text);
    }

    #[test]
    fn before_dates_read_back(dt in date(), st in style(), with_day in any::<bool>()) {
        let mut pieces = vec![s("trước")];
        if with_day {
            pieces.push(s("ngày"));
        }
        pieces.extend([st.num(dt.day()), st.sep(), st.num(dt.month()), st.sep(), dt.year().to_string()]);
        let text = st.join(&pieces);
        prop_assert_eq!(read(&text), DeadlineKind::Due { due: Due::Before { date: dt } }, "{:?}", text);
    }

    #[test]
    fn months_read_back(dt in date(), st in style(), form in 0usize..3) {
        let (m, y) = (st.num(dt.month()), dt.year().to_string());
        let pieces = match form {
            0 => vec![s("tháng"), m, st.sep(), y],
            1 => vec![m, st.sep(), y],
            _ => vec![s("tháng"), m, s("năm"), y],
        };
        let text = st.join(&pieces);
        prop_assert_eq!(
            read(&text),
            DeadlineKind::Due { due: Due::Month { year: dt.year(), month: dt.month() } },
            "{:?}", text
        );
    }

    #[test]
    fn quarters_and_halves_read_back(y in 1900i32..=2100, q in 1u32..=4, st in style(), form in 0usize..4) {
        let quarter = if form % 2 == 0 { roman(q).to_string() } else { q.to_string() };
        let pieces = if form < 2 {
            vec![s("quý"), quarter, st.sep(), y.to_string()]
        } else {
            vec![s("quý"), quarter, s("năm"), y.to_string()]
        };
        let text = st.join(&pieces);
        prop_assert_eq!(read(&text), DeadlineKind::Due { due: Due::Quarter { year: y, quarter: q } }, "{:?}", text);
        let half = 1 + q % 2;
        let text = st.join(&[s("6"), s("tháng"), s(if half == 1 { "đầu" } else { "cuối" }), s("năm"), y.to_string()]);
        prop_assert_eq!(read(&text), DeadlineKind::Due { due: Due::Half { year: y, half } }, "{:?}", text);
    }

    #[test]
    fn years_and_spans_read_back(a in 1900i32..=2100, len in 0i32..=10, st in style(), form in 0usize..3) {
        let b = a + len;
        let text = st.join(&[s("năm"), a.to_string()]);
        prop_assert_eq!(read(&text), DeadlineKind::Due { due: Due::Year { year: a } });
        let dash = if st.sep == '–' { s("–") } else { s("-") };
        let pieces = match form {
            0 => vec![a.to_string(), dash, b.to_string()],
            1 => vec![s("giai"), s("đoạn"), a.to_string(), dash, b.to_string()],
            _ => vec![s("từ"), s("năm"), a.to_string(), s("đến"), s("năm"), b.to_string()],
        };
        let text = st.join(&pieces);
        prop_assert_eq!(
            read(&text),
            DeadlineKind::Span {
                from: NaiveDate::from_ymd_opt(a, 1, 1).unwrap(),
                due: Due::Year { year: b }
            },
            "{:?}", text
        );
    }

    #[test]
    fn open_starts_read_back(dt in date(), st in style()) {
        let text = st.join(&[s("từ"), s("tháng"), st.num(dt.month()), st.sep(), dt.year().to_string()]);
        prop_assert_eq!(
            read(&text),
            DeadlineKind::OpenStart { from: dt.with_day(1).unwrap() },
            "{:?}", text
        );
    }

    #[test]
    fn monthly_days_read_back(day in 1u32..=28, st in style(), mung in any::<bool>()) {
        let mut pieces = vec![s("trước"), s("ngày")];
        if mung {
            pieces.push(s("mùng"));
        }
        pieces.extend([st.num(day), s("hằng"), s("tháng")]);
        let text = st.join(&pieces);
        prop_assert_eq!(
            read(&text),
            DeadlineKind::Recurring { every: Recurrence::from(Cycle::Monthly { day: Some(day), before: true }) },
            "{:?}", text
        );
    }

    #[test]
    fn month_ranges_read_back(y in 1900i32..=2100, a in 1u32..=12, len in 0u32..=11, st in style(), form in 0usize..3) {
        let b = (a + len).min(12);
        let pieces = match form {
            0 => vec![s("từ"), s("tháng"), st.num(a), s("đến"), s("tháng"), st.num(b), st.sep(), y.to_string()],
            1 => vec![s("tháng"), st.num(a), s("-"), s("tháng"), st.num(b), st.sep(), y.to_string()],
            _ => vec![s("từ"), s("tháng"), st.num(a), st.sep(), y.to_string(), s("đến"), s("hết"), s("tháng"), st.num(b), st.sep(), y.to_string()],
        };
        let text = st.join(&pieces);
        prop_assert_eq!(
            read(&text),
            DeadlineKind::Span {
                from: NaiveDate::from_ymd_opt(y, a, 1).unwrap(),
                due: Due::Month { year: y, month: b }
            },
            "{:?}", text
        );
    }

    #[test]
    fn yearly_and_weekly_days_read_back(dt in date(), w in 1u32..=6, st in style(), before in any::<bool>()) {
        prop_assume!(!(dt.month() == 2 && dt.day() == 29));
        let lead = if before { s("trước") } else { s("chậm nhất") };
        let text = st.join(&[s("hằng"), s("năm"), s(","), lead, s("ngày"), st.num(dt.day()), s("/"), st.num(dt.month())]);
        prop_assert_eq!(
            read(&text),
            DeadlineKind::Recurring {
                every: Recurrence::from(Cycle::Yearly { on: Some(DayOfYear { day: dt.day(), month: dt.month() }), before })
            },
            "{:?}", text
        );
        let names = ["hai", "ba", "tư", "năm", "sáu", "bảy"];
        let text = st.join(&[s("thứ"), s(names[w as usize - 1]), s("hằng"), s("tuần")]);
        prop_assert_eq!(
            read(&text),
            DeadlineKind::Recurring { every: Recurrence::from(Cycle::Weekly { weekday: Some(w) }) },
            "{:?}", text
        );
    }

    #[test]
    fn words_without_time_stay_unknown_with_their_wording(
        words in prop::collection::vec("[a-zđơư]{1,7}", 1..6)
    ) {
        let triggers = [
            "khi", "sau", "ngay", "theo", "liên", "thường", "hằng", "mỗi", "từ", "trước",
            "năm", "tháng", "quý", "ngày", "tuần", "đột", "kể", "chậm", "hạn", "nửa", "sáu",
        ];
        prop_assume!(!words.iter().any(|w| triggers.contains(&w.as_str())));
        let text = words.join(" ");
        let dl = Deadline::parse(&text, Some(2025));
        prop_assert_eq!(&dl.kind, &DeadlineKind::Unknown);
        prop_assert_eq!(&dl.text, &text);
        prop_assert!(!dl.flags.is_empty());
    }

    #[test]
    fn arbitrary_text_never_panics_and_is_never_half_read(text in "\\PC{0,60}") {
        check_invariants(&text);
    }

    #[test]
    fn date_like_noise_never_panics_and_is_never_half_read(
        text in "[0-9/ .–\\-,;:()]{0,12}(tháng|ngày|năm|quý|trước|từ|đến|và|hằng|mùng|IV|thường xuyên| ){0,3}[0-9/ .–\\-]{0,14}"
    ) {
        check_invariants(&text);
    }
}

/// Whatever the text: it is kept verbatim; understood exactly when no
/// flag is raised; every flag quotes a real part of the text.
fn check_invariants(text: &str) {
    let dl = Deadline::parse(text, Some(2025));
    assert_eq!(dl.text, text);
    assert_eq!(
        dl.is_understood(),
        dl.flags.is_empty(),
        "{text:?}: {:?} {:?}",
        dl.kind,
        dl.flags
    );
    let nfc: Vec<char> = lex::nfc_chars(text);
    for f in &dl.flags {
        let at: String = nfc
            .iter()
            .skip(f.start)
            .take(f.part.chars().count())
            .collect();
        assert_eq!(at, f.part, "{text:?}: flag {f:?}");
    }
    if let DeadlineKind::Unknown = dl.kind {
        assert!(!dl.flags.is_empty());
    }
}
