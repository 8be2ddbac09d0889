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
        return Some(match c.peek().and_then(|t| t.word()) {
            Some("kế" | "lộ" | "tiến") => Trigger::OtherPlan,
            Some("quy" | "quyết" | "nghị" | "thông" | "luật" | "văn" | "hướng")
                if !c.peek_at(1).is_some_and(|t| t.is("báo")) =>
            {
                Trigger::Regulation
            }
            Some("yêu" | "đề") => Trigger::Request,
            _ => Trigger::Event,
        });
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
