//! The forms built on a date or period: before/by (`trước`, `chậm nhất`),
//! spans, periods and ranges (`giai đoạn 2025 - 2030`, `từ tháng 3 đến
//! tháng 6/2025`), open starts (`từ năm 2025`, `… và những năm tiếp theo`).

use super::super::cursor::{Cur, Try};
use super::super::grammar::{Context, Severity};
use super::super::{DeadlineKind, Due};
use super::period::{resolve, when, When};

/// The dated forms: `[trước|chậm nhất|từ|giai đoạn|sau|trong] WHEN [- WHEN]
/// [và những năm tiếp theo]`.
pub(super) fn time_form(c: &mut Cur, ctx: Context) -> Try<DeadlineKind> {
    let start = c.i;
    let r = time_form_inner(c, ctx);
    if !matches!(r, Ok(Some(_))) {
        c.i = start;
    }
    r
}

fn time_form_inner(c: &mut Cur, ctx: Context) -> Try<DeadlineKind> {
    if c.eat("trước") {
        let Some(w) = when(c)? else {
            return Ok(None);
        };
        let due = resolve(c, w, ctx)?;
        return Ok(Some(DeadlineKind::Due {
            due: Due::Before {
                date: due.first_day(),
            },
        }));
    }
    if c.eat_any(&[
        &["chậm", "nhất"],
        &["muộn", "nhất"],
        &["hạn", "chót"],
        &["hạn", "cuối"],
        &["không", "muộn", "hơn"],
        &["không", "quá"],
        &["hạn"],
        &["đến", "hết"],
        &["đến"],
    ]) {
        c.eat("là");
        c.eat_sym(':');
        let _ = c.eat("trong") || c.eat("vào");
        let Some(w) = when(c)? else {
            return Ok(None);
        };
        return Ok(Some(DeadlineKind::Due {
            due: resolve(c, w, ctx)?,
        }));
    }
    if c.eat_any(&[&["bắt", "đầu", "từ"], &["kể", "từ"], &["từ"]]) {
        let Some(w1) = when(c)? else {
            return Ok(None);
        };
        if c.eat_any(&[&["đến", "hết"], &["đến"], &["tới"]]) || c.eat_sym('-') {
            return span_rest(c, w1, ctx);
        }
        let from = resolve(c, w1, ctx)?.first_day();
        c.eat_all(&["trở", "đi"]);
        following_years(c);
        return Ok(Some(DeadlineKind::OpenStart { from }));
    }
    if c.eat_all(&["giai", "đoạn"]) || c.eat_all(&["thời", "kỳ"]) {
        let Some(w1) = when(c)? else {
            return Ok(None);
        };
        if c.eat_any(&[&["đến"], &["tới"]]) || c.eat_sym('-') {
            return span_rest(c, w1, ctx);
        }
        let due = resolve(c, w1, ctx)?;
        return Ok(Some(DeadlineKind::Span {
            from: due.first_day(),
            due,
        }));
    }
    if c.peek().is_some_and(|t| t.is("sau")) && !c.peek_at(1).is_some_and(|t| t.is("khi")) {
        c.eat("sau");
        let Some(w) = when(c)? else {
            return Ok(None);
        };
        let last = resolve(c, w, ctx)?.last_day();
        return Ok(last.succ_opt().map(|from| DeadlineKind::OpenStart { from }));
    }
    let _ = c.eat_all(&["hoàn", "thành", "trong"]) || c.eat("trong") || c.eat("vào");
    let Some(w1) = when(c)? else {
        return Ok(None);
    };
    if c.eat_any(&[&["đến", "hết"], &["đến"], &["tới"]]) || c.eat_sym('-') {
        return span_rest(c, w1, ctx);
    }
    let due = resolve(c, w1, ctx)?;
    if following_years(c) || c.eat_all(&["trở", "đi"]) {
        return Ok(Some(DeadlineKind::OpenStart {
            from: due.first_day(),
        }));
    }
    Ok(Some(DeadlineKind::Due { due }))
}

/// `và những năm tiếp theo`, `và các năm sau`.
fn following_years(c: &mut Cur) -> bool {
    c.eat_any(&[
        &["và", "những", "năm", "tiếp", "theo"],
        &["và", "các", "năm", "tiếp", "theo"],
        &["và", "những", "năm", "sau"],
        &["và", "các", "năm", "sau"],
        &["và", "những", "năm", "tiếp", "sau"],
    ])
}

/// The end of a span after `đến`/`-`: `2025 - 2030`, `tháng 3 đến tháng 6/2025`.
fn span_rest(c: &mut Cur, w1: When, ctx: Context) -> Try<DeadlineKind> {
    c.eat("hết");
    c.eat("ngày");
    let Some(w2) = when(c)? else {
        return Ok(None);
    };
    // `tháng 3 - 6/2025`: the first part takes the year of the second.
    let w1 = When {
        year: w1.year.or(w2.year),
        ..w1
    };
    let due = resolve(c, w2, ctx)?;
    let from = resolve(c, w1, ctx)?.first_day();
    if from > due.last_day() {
        return Err(c.flag(
            Severity::Impossible,
            w1.from,
            w2.to,
            "the span ends before it starts".into(),
        ));
    }
    Ok(Some(DeadlineKind::Span { from, due }))
}
