//! Classes whose words run free after a keyword: ongoing work
//! (`Thường xuyên`, `Thực hiện thường xuyên trong năm`), urgent work
//! (`Khẩn trương`), periodic work with no period (`Định kỳ`), lengths of
//! time (`trong 6 tháng`), and dates that hang on an event, a request, a
//! rule, another body's plan or a case arising (`Sau khi có thông báo của
//! Bộ Tư pháp`, `trong vòng 30 ngày kể từ ngày …`, `Theo quy định`,
//! `(nếu có)`).

use super::super::cursor::{Cur, Try};
use super::super::grammar::{Context, Severity};
use super::super::{DeadlineKind, Length, Offset, Side, TimeUnit, Trigger};
use super::{period, recur};

/// `thường xuyên`, `liên tục`, then words without numbers; or
/// `thường xuyên trong năm 2025`, ongoing until the end of a period.
pub(super) fn ongoing(c: &mut Cur, ctx: Context) -> Try<DeadlineKind> {
    let start = c.i;
    if !(c.eat_all(&["thường", "xuyên"]) || c.eat_all(&["liên", "tục"])) {
        return Ok(None);
    }
    let body = c.i;
    if c.eat("trong") || c.eat_all(&["đến", "hết"]) || c.eat("đến") {
        if let Some(w) = period::when(c)? {
            if c.finished() {
                let due = period::resolve(c, w, ctx)?;
                return Ok(Some(DeadlineKind::Span {
                    from: due.first_day(),
                    due,
                }));
            }
        }
        c.i = body;
    }
    if c.t[c.i..].iter().any(|t| t.is_num()) {
        c.i = start;
        return Ok(None);
    }
    c.i = c.t.len();
    Ok(Some(DeadlineKind::Ongoing))
}

/// `khẩn trương`, `ngay lập tức`, `sớm nhất có thể`, `càng sớm càng tốt`,
/// then words without numbers or time words (`Khẩn trương thực hiện`):
/// urgent, no date.
pub(super) fn urgent(c: &mut Cur) -> Try<DeadlineKind> {
    let start = c.i;
    let lead = c.eat_all(&["khẩn", "trương"])
        || c.eat_all(&["ngay", "lập", "tức"])
        || c.eat_all(&["sớm", "nhất", "có", "thể"])
        || c.eat_all(&["càng", "sớm", "càng", "tốt"]);
    if !lead || super::time_like(&c.t[c.i..]) {
        c.i = start;
        return Ok(None);
    }
    c.i = c.t.len();
    Ok(Some(DeadlineKind::Urgent))
}

/// `Định kỳ` with no period written, then words without numbers or time
/// words (`Định kỳ theo quy định`): recurs, how often not written.
pub(super) fn periodic(c: &mut Cur) -> Try<DeadlineKind> {
    let start = c.i;
    if !c.eat_all(&["định", "kỳ"]) || super::time_like(&c.t[c.i..]) {
        c.i = start;
        return Ok(None);
    }
    c.i = c.t.len();
    Ok(Some(DeadlineKind::Periodic))
}

/// `30 ngày`, `6 tháng`, `10 ngày làm việc`, `24 giờ`.
fn length(c: &mut Cur) -> Option<Length> {
    let start = c.i;
    let n = super::cadence::count(c)?;
    let unit = match c.peek().and_then(|t| t.word()) {
        Some("ngày") => {
            c.i += 1;
            if c.eat_all(&["làm", "việc"]) {
                TimeUnit::WorkingDay
            } else {
                TimeUnit::Day
            }
        }
        Some(w @ ("giờ" | "tuần" | "tháng" | "năm")) => {
            c.i += 1;
            match w {
                "giờ" => TimeUnit::Hour,
                "tuần" => TimeUnit::Week,
                "tháng" => TimeUnit::Month,
                _ => TimeUnit::Year,
            }
        }
        _ => {
            c.i = start;
            return None;
        }
    };
    Some(Length { count: n, unit })
}

/// Words that make a length a limit: `trong vòng`, `chậm nhất`, `không quá`.
fn limit(c: &mut Cur) -> bool {
    c.eat_any(&[
        &["trong", "vòng"],
        &["trong", "thời", "hạn"],
        &["trong"],
        &["chậm", "nhất", "là"],
        &["chậm", "nhất"],
        &["muộn", "nhất", "là"],
        &["muộn", "nhất"],
        &["không", "quá"],
        &["tối", "đa"],
    ])
}

/// A length with no start, read to the end: `trong 6 tháng`, `trong vòng
/// 30 ngày`, `6 tháng`.
pub(super) fn duration(c: &mut Cur) -> Try<DeadlineKind> {
    let start = c.i;
    limit(c);
    let at = c.i;
    match length(c) {
        Some(length) if c.finished() => {
            if length.count == 0 {
                return Err(c.flag(
                    Severity::Impossible,
                    at,
                    c.i,
                    "a length of zero is no time limit".into(),
                ));
            }
            Ok(Some(DeadlineKind::Duration { length }))
        }
        _ => {
            c.i = start;
            Ok(None)
        }
    }
}

/// A length counted from an event, to the words naming it: `trong vòng
/// 30 ngày kể từ ngày`, `Sau 15 ngày kể từ ngày`, `chậm nhất 15 ngày sau
/// khi`, `chậm nhất là 10 ngày trước ngày`.
fn offset(c: &mut Cur) -> Option<Offset> {
    let start = c.i;
    let within = limit(c);
    if !within {
        c.eat("sau");
    }
    let Some(length) = length(c).filter(|l| l.count > 0) else {
        c.i = start;
        return None;
    };
    let side = if c.eat_any(&[
        &["kể", "từ", "ngày"],
        &["kể", "từ", "khi"],
        &["kể", "từ"],
        &["sau", "khi"],
        &["sau", "ngày"],
        &["từ", "ngày"],
        &["từ", "khi"],
        &["sau"],
    ]) {
        Side::After
    } else if c.eat_any(&[&["trước", "ngày"], &["trước", "khi"], &["trước"]]) {
        Side::Before
    } else {
        c.i = start;
        return None;
    };
    Some(Offset {
        length,
        side,
        within,
    })
}

/// Words that open an event-relative phrase, and what it waits for (and
/// the length from it, when written); the cursor is left on the words
/// naming the event.
fn trigger_start(c: &mut Cur) -> Option<(Trigger, Option<Offset>)> {
    if c.eat("theo") {
        let w = |k: usize| c.peek_at(k).and_then(|t| t.word()).unwrap_or("");
        let trigger = match (w(0), w(1)) {
            ("kế", "hoạch") | ("lộ", "trình") | ("tiến", "độ") => Trigger::OtherPlan,
            ("quy" | "quyết" | "nghị", "định")
            | ("thông", "tư")
            | ("văn", "bản")
            | ("hướng", "dẫn")
            | ("luật", _) => Trigger::Regulation,
            ("yêu", "cầu") | ("đề", "nghị") | ("đề", "xuất") => Trigger::Request,
            ("chỉ", "đạo") | ("thông", "báo") | ("kết", "luận") | ("thời", "gian") => {
                Trigger::Event
            }
            _ => {
                c.i -= 1;
                return None;
            }
        };
        return Some((trigger, None));
    }
    if c.eat_any(&[
        &["nếu", "có"],
        &["nếu", "phát", "sinh"],
        &["nếu", "cần", "thiết"],
        &["nếu", "cần"],
        &["khi", "có", "phát", "sinh"],
        &["khi", "phát", "sinh"],
        &["khi", "cần", "thiết"],
        &["khi", "cần"],
        &["trường", "hợp", "cần", "thiết"],
        &["trường", "hợp", "phát", "sinh"],
        &["trong", "trường", "hợp", "cần", "thiết"],
        &["trong", "trường", "hợp", "phát", "sinh"],
    ]) {
        return Some((Trigger::Condition, None));
    }
    if let Some(o) = offset(c) {
        return Some((Trigger::Event, Some(o)));
    }
    let event = c.eat_all(&["sau", "khi"])
        || c.eat_all(&["ngay", "sau", "khi"])
        || c.eat_all(&["ngay", "sau"])
        || c.eat_all(&["ngay", "khi"])
        || c.eat_all(&["kể", "từ", "khi"])
        || c.eat("khi")
        || c.eat_all(&["đột", "xuất"])
        || word_after(
            c,
            &[&["trước", "ngày"], &["sau", "ngày"], &["kể", "từ", "ngày"]],
        );
    event.then_some((Trigger::Event, None))
}

/// `trước ngày văn bản ... hết hiệu lực`: a day named by an event, not a number.
fn word_after(c: &mut Cur, leads: &[&[&str]]) -> bool {
    let save = c.i;
    if c.eat_any(leads) && c.peek().and_then(|t| t.word()).is_some_and(|w| w != "mùng") {
        return true;
    }
    c.i = save;
    false
}

/// True when the clause opens with an event trigger: then its words are
/// the event, never a label before another class.
pub(super) fn opens_event(c: &Cur) -> bool {
    let mut p = *c;
    p.eat_sym('(');
    trigger_start(&mut p).is_some()
}

/// An event-relative phrase: a trigger, then free words that name no date
/// (a date inside would be lost, so such a phrase is not read as an event).
/// A condition may stand in brackets (`(nếu có)`).
pub(super) fn unscheduled(c: &mut Cur, ctx: Context) -> Try<DeadlineKind> {
    let start = c.i;
    c.eat_sym('(');
    let Some((mut trigger, offset)) = trigger_start(c) else {
        c.i = start;
        return Ok(None);
    };
    let words = c.i;
    for k in c.i..c.t.len() {
        let mut probe = Cur { i: k, ..*c };
        if let Ok(Some(w)) = period::when(&mut probe) {
            if !matches!(w.unit, period::Unit::Year) {
                c.i = start;
                return Ok(None);
            }
        }
    }
    // `Ngay sau khi ... và thường xuyên`, `… ; hằng năm sau đó`: a class
    // of its own after a joint is read when the phrase is split.
    if c.t[c.i..]
        .windows(2)
        .any(|w| (w[0].is("thường") && w[1].is("xuyên")) || (w[0].is("liên") && w[1].is("tục")))
        || joins_recurrence(c, ctx)
    {
        c.i = start;
        return Ok(None);
    }
    if trigger == Trigger::Event
        && c.t[c.i..]
            .windows(2)
            .any(|w| w[0].is("yêu") && w[1].is("cầu"))
    {
        trigger = Trigger::Request;
    }
    let named = c.t[c.i..].iter().any(|t| t.word().is_some());
    if offset.is_some() && !named {
        c.i = start;
        return Ok(None);
    }
    c.i = c.t.len();
    let event = (trigger == Trigger::Event && named).then(|| {
        c.rest_words(words)
            .trim_end_matches(')')
            .trim_end()
            .to_string()
    });
    Ok(Some(DeadlineKind::Unscheduled {
        trigger,
        offset: if trigger == Trigger::Event {
            offset
        } else {
            None
        },
        event,
    }))
}

/// True when, after `và` or `,`, the rest is a recurrence read whole.
fn joins_recurrence(c: &Cur, ctx: Context) -> bool {
    (c.i + 1..c.t.len()).any(|k| {
        if !(c.t[k - 1].is("và") || c.t[k - 1].is_sym(',')) {
            return false;
        }
        let mut p = Cur { i: k, ..*c };
        matches!(recur::recurring(&mut p, ctx), Ok(Some(_))) && p.finished()
    })
}
