//! Classes whose words run free after a keyword: ongoing work
//! (`Thường xuyên`, `Thực hiện thường xuyên trong năm`) and dates that hang
//! on an event, a request, a rule or another body's plan (`Sau khi có
//! thông báo của Bộ Tư pháp`, `Theo quy định`).

use super::super::grammar::Context;
use super::super::{DeadlineKind, Trigger};
use super::cursor::{Cur, Try};
use super::period;

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

/// Words that open an event-relative phrase, and what it waits for.
fn trigger_start(c: &mut Cur) -> Option<Trigger> {
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
        return Some(trigger);
    }
    let event = c.eat_all(&["sau", "khi"])
        || c.eat_all(&["ngay", "sau"])
        || c.eat_all(&["ngay", "khi"])
        || c.eat_all(&["kể", "từ", "khi"])
        || c.eat("khi")
        || c.eat_all(&["đột", "xuất"])
        || offset(
            c,
            &[
                &["sau"],
                &["trong", "vòng"],
                &["trong", "thời", "hạn"],
                &["chậm", "nhất", "là"],
                &["chậm", "nhất"],
            ],
        )
        || word_after(
            c,
            &[&["trước", "ngày"], &["sau", "ngày"], &["kể", "từ", "ngày"]],
        );
    event.then_some(Trigger::Event)
}

/// `sau 15 ngày`, `chậm nhất là 10 ngày`: a count of days, weeks or months.
fn offset(c: &mut Cur, leads: &[&[&str]]) -> bool {
    let save = c.i;
    if c.eat_any(leads) && c.num().is_some() {
        let units = ["ngày", "tuần", "tháng", "năm", "giờ"];
        if units.iter().any(|u| c.eat(u)) {
            return true;
        }
    }
    c.i = save;
    false
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
    trigger_start(&mut c.clone()).is_some()
}

/// An event-relative phrase: a trigger, then free words that name no date
/// (a date inside would be lost, so such a phrase is not read as an event).
pub(super) fn unscheduled(c: &mut Cur) -> Try<DeadlineKind> {
    let start = c.i;
    let Some(mut trigger) = trigger_start(c) else {
        return Ok(None);
    };
    for k in c.i..c.t.len() {
        let mut probe = Cur { i: k, ..*c };
        if let Ok(Some(w)) = period::when(&mut probe) {
            if !matches!(w.unit, period::Unit::Year) {
                c.i = start;
                return Ok(None);
            }
        }
    }
    // `Ngay sau khi ... và thường xuyên`: the ongoing part is a class of
    // its own, read when the phrase is split.
    if c.t[c.i..]
        .windows(2)
        .any(|w| (w[0].is("thường") && w[1].is("xuyên")) || (w[0].is("liên") && w[1].is("tục")))
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
    c.i = c.t.len();
    Ok(Some(DeadlineKind::Unscheduled { trigger }))
}
