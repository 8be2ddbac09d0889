//! Deadline cells written in the style of real action plans, in both
//! languages, each with the meaning a reader takes from it: the measure of
//! how many cells with one clear meaning the grammars read right, and the
//! guarantee that none is misread. A cell with no one clear meaning
//! (`Bimonthly`, `TBD`) must be flagged; a cell the grammar cannot read
//! yet must be flagged too (never given another meaning).
//!
//! Figures (`cargo test --test plan_phrases -- --nocapture`): English, 67
//! of 68 cells with one clear meaning read right (the 68th flagged, not
//! misread), the 5 without one all flagged; Vietnamese, 25 of 25.

use minhbach::model::deadline::{en::English, vi::Vietnamese, Context, DateOrder, Grammar};
use minhbach::render::i18n::I18n;

/// What a cell must give.
enum Expect {
    /// One clear meaning, in the words of the page.
    Reads(&'static str),
    /// One clear meaning the grammar does not read yet: flagged, never
    /// another meaning.
    Missed,
    /// No one clear meaning: flagged.
    Flagged,
}

/// English cells, as an action plan's "deadline" or "frequency" column
/// writes them.
const ENGLISH: &[(&str, Expect)] = &[
    ("December 2021", Expect::Reads("Due: in December 2021 (last day 31 December 2021)")),
    ("Q3 2021", Expect::Reads("Due: in Q3 2021 (last day 30 September 2021)")),
    ("June 30, 2022", Expect::Reads("Due: 30 June 2022")),
    ("By the end of 2022", Expect::Reads("Due: in 2022 (last day 31 December 2022)")),
    ("January 2021 – June 2023", Expect::Reads("From 1 January 2021 to the end of June 2023 (last day 30 June 2023)")),
    ("Ongoing", Expect::Reads("Ongoing work, no set deadline")),
    ("Annually", Expect::Reads("Every year")),
    ("Quarterly", Expect::Reads("Every quarter")),
    ("Every 6 months", Expect::Reads("Every six months")),
    ("Every 3 months", Expect::Reads("Every 3 months")),
    ("Every two years", Expect::Reads("Every 2 years")),
    ("Every other month", Expect::Reads("Every 2 months")),
    ("At least every 6 months", Expect::Reads("Every six months, or more often")),
    ("At least twice a year", Expect::Reads("2 times a year, or more often")),
    ("Minimally once a year", Expect::Reads("Every year, or more often")),
    ("Ongoing, every 2 years", Expect::Reads("Every 2 years")),
    ("Ongoing every 4 years", Expect::Reads("Every 4 years")),
    ("One activity per quarter", Expect::Reads("Every quarter")),
    ("Per quarter", Expect::Reads("Every quarter")),
    ("3 times a year", Expect::Reads("3 times a year")),
    ("Four times a year", Expect::Reads("4 times a year")),
    ("Biweekly", Expect::Flagged),
    ("Every 2 weeks", Expect::Reads("Every 2 weeks")),
    ("Every 10 days", Expect::Reads("Every 10 days")),
    ("Semi-annually", Expect::Reads("Every six months")),
    ("Monthly, or as often as possible", Expect::Reads("Every month, and more often where possible")),
    ("6 months", Expect::Reads("Within 6 months (no start date given)")),
    ("Within 12 months", Expect::Reads("Within 12 months (no start date given)")),
    ("18 months", Expect::Reads("Within 18 months (no start date given)")),
    ("30 days after the guidance is issued", Expect::Reads("No calendar date: 30 days after: the guidance is issued")),
    ("Within 30 days of approval", Expect::Reads("No calendar date: within 30 days after: approval")),
    ("No later than 3 months after the law enters into force", Expect::Reads("No calendar date: within 3 months after: the law enters into force")),
    ("Within 6 months after adoption; annually thereafter", Expect::Reads("Several milestones: No calendar date: within 6 months after: adoption; Every year thereafter")),
    ("Within 6 months of adoption and annually thereafter", Expect::Reads("Several milestones: No calendar date: within 6 months after: adoption; Every year thereafter")),
    ("~~March 2021~~ June 2021", Expect::Reads("Due: in June 2021 (last day 30 June 2021)")),
    ("<s>March 2021</s> June 2021", Expect::Reads("Due: in June 2021 (last day 30 June 2021)")),
    ("<del>30 June 2021</del> 31 December 2021", Expect::Reads("Due: 31 December 2021")),
    ("<strike>Q2 2021</strike> Q4 2021", Expect::Reads("Due: in Q4 2021 (last day 31 December 2021)")),
    ("<s>June 2021</s> **December 2021**", Expect::Reads("Due: in December 2021 (last day 31 December 2021)")),
    ("~~2021~~ *2022*", Expect::Reads("Due: in 2022 (last day 31 December 2022)")),
    ("<S class=\"old\">May 2021</S> <b>September 2021</b>", Expect::Reads("Due: in September 2021 (last day 30 September 2021)")),
    ("<del>March 2021</del> <strong>June 2021</strong>", Expect::Reads("Due: in June 2021 (last day 30 June 2021)")),
    ("Draft by March 2021; final by June 2021", Expect::Reads("Several milestones: Draft: due: in March 2021 (last day 31 March 2021); final: due: in June 2021 (last day 30 June 2021)")),
    ("Upon request", Expect::Reads("No calendar date: on request")),
    ("After the law takes effect", Expect::Reads("No calendar date: counted from an event")),
    ("Every year by 31 March", Expect::Reads("Every year, by 31 March")),
    ("Twice a year", Expect::Reads("2 times a year")),
    ("Annually, starting 2022", Expect::Reads("Every year, starting in 2022")),
    ("Every 3 months starting 15 January 2021", Expect::Reads("Every 3 months, starting 15 January 2021")),
    ("At least once per quarter", Expect::Reads("Every quarter, or more often")),
    ("As soon as possible", Expect::Reads("Urgent, no date given")),
    ("Bimonthly", Expect::Flagged),
    ("Biannually", Expect::Flagged),
    ("Start: January 2021; End: June 2023", Expect::Reads("Several milestones: Start: due: in January 2021 (last day 31 January 2021); End: due: in June 2023 (last day 30 June 2023)")),
    ("2021-2023", Expect::Reads("From 1 January 2021 to the end of 2023 (last day 31 December 2023)")),
    ("Q1 2022", Expect::Reads("Due: in Q1 2022 (last day 31 March 2022)")),
    ("End of 2022", Expect::Reads("Due: in 2022 (last day 31 December 2022)")),
    ("By December 2021", Expect::Reads("Due: in December 2021 (last day 31 December 2021)")),
    ("September 2021 - August 2023", Expect::Reads("From 1 September 2021 to the end of August 2023 (last day 31 August 2023)")),
    ("June 2021 (revised)", Expect::Reads("Due: in June 2021 (last day 30 June 2021)")),
    ("TBD", Expect::Flagged),
    ("Subject to funding", Expect::Flagged),
    ("Every year, by 31 January", Expect::Reads("Every year, by 31 January")),
    ("Twice a month", Expect::Reads("2 times a month")),
    ("Every 18 months", Expect::Reads("Every 18 months")),
    ("On an annual basis", Expect::Reads("Every year")),
    ("Annual", Expect::Reads("Every year")),
    ("Within 3 months of the launch of the portal", Expect::Reads("No calendar date: within 3 months after: the launch of the portal")),
    ("Three months after the elections", Expect::Reads("No calendar date: 3 months after: the elections")),
    ("Upon adoption of the law", Expect::Reads("No calendar date: counted from an event")),
    ("As needed", Expect::Reads("No calendar date: only if the case arises")),
    ("Ongoing (quarterly reporting)", Expect::Reads("Ongoing work, no set deadline")),
    ("Quarterly reports; annual review in December", Expect::Missed),
];

/// Vietnamese cells of the same classes.
const VIETNAMESE: &[(&str, Expect)] = &[
    ("định kỳ 3 tháng một lần", Expect::Reads("Định kỳ 3 tháng một lần")),
    ("Định kỳ hằng quý", Expect::Reads("Định kỳ hằng quý")),
    ("định kỳ 6 tháng", Expect::Reads("Định kỳ 6 tháng một lần")),
    ("ít nhất mỗi quý một lần", Expect::Reads("Định kỳ hằng quý, hoặc thường xuyên hơn")),
    ("mỗi năm 2 lần", Expect::Reads("Mỗi năm 2 lần")),
    ("Mỗi năm hai lần", Expect::Reads("Mỗi năm 2 lần")),
    ("trong vòng 30 ngày kể từ ngày Nghị định có hiệu lực", Expect::Reads("Không có ngày cụ thể: trong vòng 30 ngày kể từ: Nghị định có hiệu lực")),
    ("chậm nhất 15 ngày sau khi nhận được văn bản", Expect::Reads("Không có ngày cụ thể: trong vòng 15 ngày kể từ: nhận được văn bản")),
    ("Sau 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", Expect::Reads("Không có ngày cụ thể: 15 ngày sau: nhận đủ hồ sơ hợp lệ")),
    ("Khẩn trương", Expect::Reads("Khẩn trương, không có hạn cụ thể")),
    ("Khẩn trương thực hiện", Expect::Reads("Khẩn trương, không có hạn cụ thể")),
    ("Định kỳ", Expect::Reads("Định kỳ, không ghi rõ bao lâu một lần")),
    ("(nếu có)", Expect::Reads("Không có ngày cụ thể: chỉ khi có phát sinh")),
    ("Khi có yêu cầu", Expect::Reads("Không có ngày cụ thể: khi có yêu cầu")),
    ("Khi có phát sinh", Expect::Reads("Không có ngày cụ thể: chỉ khi có phát sinh")),
    ("Theo yêu cầu", Expect::Reads("Không có ngày cụ thể: khi có yêu cầu")),
    ("trong 6 tháng", Expect::Reads("Trong vòng 6 tháng (không ghi ngày bắt đầu)")),
    ("Trong vòng 6 tháng", Expect::Reads("Trong vòng 6 tháng (không ghi ngày bắt đầu)")),
    ("2 năm một lần", Expect::Reads("Định kỳ 2 năm một lần")),
    ("định kỳ 2 năm/lần", Expect::Reads("Định kỳ 2 năm một lần")),
    ("Hằng năm, ít nhất 01 lần", Expect::Reads("Định kỳ hằng năm, hoặc thường xuyên hơn")),
    ("Tối thiểu 6 tháng một lần", Expect::Reads("Định kỳ 6 tháng một lần, hoặc thường xuyên hơn")),
    ("Trong 30 ngày sau khi Kế hoạch được ban hành; hằng năm sau đó", Expect::Reads("Nhiều mốc: Không có ngày cụ thể: trong vòng 30 ngày kể từ: Kế hoạch được ban hành; Định kỳ hằng năm sau đó")),
    ("~~Tháng 6/2025~~ Tháng 9/2025", Expect::Reads("Hạn: trong tháng 09/2025 (chậm nhất ngày 30/09/2025)")),
    ("<s>30/6/2025</s> 30/9/2025", Expect::Reads("Hạn: ngày 30/09/2025")),
];

/// Reads each cell; returns (read right, with one clear meaning).
fn measure(
    grammar: &dyn Grammar,
    ctx: Context,
    cells: &[(&str, Expect)],
    words: &dyn Fn(&minhbach::model::DeadlineKind) -> String,
) -> (usize, usize) {
    let (mut right, mut clear) = (0, 0);
    for (text, expect) in cells {
        let r = grammar.read(text, ctx);
        let read = r.flags.is_empty() && r.kind.is_understood();
        match expect {
            Expect::Reads(w) => {
                clear += 1;
                assert!(read, "{text:?} is not read: {:?}", r.flags);
                assert_eq!(&words(&r.kind), w, "{text:?}");
                right += 1;
            }
            Expect::Missed => {
                clear += 1;
                assert!(
                    !read && !r.flags.is_empty(),
                    "{text:?} now reads: update the list"
                );
            }
            Expect::Flagged => {
                assert!(
                    !r.flags.is_empty(),
                    "{text:?} has no one clear meaning, yet reads as {:?}",
                    r.kind
                );
            }
        }
    }
    (right, clear)
}

#[test]
fn english_action_plan_cells_are_read_right_and_none_misread() {
    let en = I18n::embedded().unwrap().locale("en");
    let ctx = Context {
        year: Some(2021),
        date_order: Some(DateOrder::MonthDay),
        ..Context::default()
    };
    let (right, clear) = measure(&English, ctx, ENGLISH, &|k| en.deadline(k).unwrap());
    println!("English: {right} of {clear} cells with one clear meaning read right");
    assert!(right * 100 >= clear * 95, "{right} of {clear}");
}

#[test]
fn vietnamese_cells_of_the_new_classes_are_read_right() {
    let ctx = Context {
        year: Some(2025),
        ..Context::default()
    };
    let (right, clear) = measure(&Vietnamese, ctx, VIETNAMESE, &|k| k.describe());
    println!("Vietnamese: {right} of {clear} cells with one clear meaning read right");
    assert_eq!(right, clear);
}
