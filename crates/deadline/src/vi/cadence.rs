//! Vietnamese cadences: the cycle of a recurring duty (`hằng tháng`, `mỗi
//! quý`, `định kỳ 6 tháng`), every few cycles (`định kỳ 3 tháng một lần`,
//! `2 năm/lần`, `mỗi 2 năm`) and how many times in each (`mỗi năm 2 lần`,
//! `2 lần/năm`).

use super::super::cursor::{Cur, Try};
use super::super::grammar::Severity;

/// How often, before any day is read.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Every {
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Quarters.
    Quarter,
    /// Six months.
    SixMonths,
    /// Years.
    Year,
}

/// A cadence as written: the cycle, every how many, how many times in it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Cadence {
    /// The cycle.
    pub every: Every,
    /// Every how many cycles.
    pub interval: u32,
    /// How many times in each.
    pub times: u32,
}

impl Cadence {
    fn each(every: Every) -> Cadence {
        Cadence {
            every,
            interval: 1,
            times: 1,
        }
    }

    /// Each cycle once: the forms a day may come before.
    pub fn plain(&self) -> Option<Every> {
        (self.interval == 1 && self.times == 1).then_some(self.every)
    }
}

/// A count: digits (at most three) or a word (`một` … `mười`; not `năm`,
/// which is also "year").
pub(super) fn count(c: &mut Cur) -> Option<u32> {
    if let Some(n) = c.peek().and_then(|t| match t.tok {
        super::super::lex::Tok::Num { value, digits } if digits <= 3 => Some(value as u32),
        _ => None,
    }) {
        c.i += 1;
        return Some(n);
    }
    const WORDS: [&str; 10] = [
        "một", "hai", "ba", "bốn", "", "sáu", "bảy", "tám", "chín", "mười",
    ];
    let w = c.peek().and_then(|t| t.word())?;
    let k = WORDS.iter().position(|x| !x.is_empty() && *x == w)?;
    c.i += 1;
    Some(k as u32 + 1)
}

/// A cycle's unit word.
fn unit(c: &mut Cur) -> Option<Every> {
    let u = match c.peek().and_then(|t| t.word())? {
        "ngày" => Every::Day,
        "tuần" => Every::Week,
        "tháng" => Every::Month,
        "quý" => Every::Quarter,
        "năm" => Every::Year,
        _ => return None,
    };
    c.i += 1;
    Some(u)
}

/// `một lần`, `1 lần`, `01 lần`, `/lần`, `/1 lần`: once.
fn once(c: &mut Cur) -> bool {
    let s = c.i;
    c.eat_sym('/');
    let n = count(c);
    if c.eat("lần") && n.is_none_or(|n| n == 1) {
        return true;
    }
    c.i = s;
    false
}

/// `N lần` after a cycle (`mỗi năm 2 lần`), or before one (`2 lần/năm`,
/// `2 lần trong năm`, `2 lần mỗi năm`).
fn times_before(c: &mut Cur) -> Option<(u32, Every)> {
    let s = c.i;
    if let Some(n) = count(c) {
        if c.eat("lần") {
            let _ =
                c.eat_sym('/') || c.eat("trong") || c.eat("mỗi") || c.eat("một") || c.eat("hằng");
            if let Some(u) = unit(c) {
                return Some((n, u));
            }
        }
    }
    c.i = s;
    None
}

/// `hằng tháng`, `mỗi quý`, `định kỳ 6 tháng`, `6 tháng một lần`,
/// `định kỳ 3 tháng một lần`, `mỗi năm 2 lần`, `2 lần/năm`.
pub(super) fn every(c: &mut Cur) -> Try<Cadence> {
    let save = c.i;
    let periodic = c.eat_all(&["định", "kỳ"]);
    let each = c.eat("hằng") || c.eat("mỗi") || c.eat("cứ");
    let from = c.i;
    // `6 tháng một lần`, `định kỳ 3 tháng`, `mỗi 2 năm`.
    let n = if c.eat("sáu") { Some(6) } else { count(c) };
    if let Some(n) = n {
        if let Some(u) = unit(c) {
            let once = once(c);
            // `6 tháng đầu năm` is a half year, and `3 tháng` alone a length.
            if once || periodic || each {
                if n == 0 {
                    return Err(c.flag(
                        Severity::Impossible,
                        from,
                        c.i,
                        "a duty cannot recur every zero periods".into(),
                    ));
                }
                let (every, interval) = match (u, n) {
                    (Every::Month, 6) => (Every::SixMonths, 1),
                    (Every::Month, n) if n % 12 == 0 => (Every::Year, n / 12),
                    (Every::Day, n) if n % 7 == 0 => (Every::Week, n / 7),
                    (u, n) => (u, n),
                };
                return Ok(Some(Cadence {
                    every,
                    interval,
                    times: 1,
                }));
            }
        }
        c.i = save;
        if let Some((times, u)) = times_before(c) {
            if times == 0 {
                return Err(c.flag(
                    Severity::Impossible,
                    save,
                    c.i,
                    "a duty cannot recur zero times".into(),
                ));
            }
            return Ok(Some(Cadence {
                times,
                ..Cadence::each(u)
            }));
        }
        c.i = save;
        return Ok(None);
    }
    let Some(u) = unit(c) else {
        c.i = save;
        return Ok(None);
    };
    if !(periodic || each) {
        c.i = save;
        return Ok(None);
    }
    // `mỗi năm 2 lần`, `mỗi quý một lần`.
    let s = c.i;
    if let Some(times) = count(c) {
        if c.eat("lần") && times > 0 {
            return Ok(Some(Cadence {
                times,
                ..Cadence::each(u)
            }));
        }
        c.i = s;
    }
    Ok(Some(Cadence::each(u)))
}
