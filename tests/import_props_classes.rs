//! Property tests of the import's inferences: cells listing any number of
//! national bodies split back into exactly those bodies, and sheets whose
//! dates are written in either order are read right or flagged, never
//! misread.

mod fixtures;

use minhbach::model::agency::reference::Reference;
use minhbach::model::deadline::{vi::Vietnamese, Context, DateOrder};
use minhbach::model::{Deadline, Registry};
use proptest::prelude::*;

fn reference() -> &'static Reference {
    minhbach::validate::reference::builtin().unwrap()
}

/// Every name and alias of a reference body that is not a group, each
/// with its body's id: what offices write in a cell.
fn names() -> Vec<(String, String)> {
    let r = reference();
    r.registry()
        .all()
        .iter()
        .filter(|a| !a.is_group())
        .flat_map(|a| {
            std::iter::once(a.name.clone())
                .chain(a.aliases.iter().cloned())
                .chain(a.short.iter().cloned())
                .map(move |n| (n, a.id.to_string()))
        })
        .collect()
}

const SEPARATORS: [&str; 6] = [", ", "; ", " và ", "\n", ",\n", ";\n- "];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A cell joining 1–8 bodies' names (official, old, abbreviated) with
    /// any separators reads back as exactly those bodies, in order, against
    /// the reference registry; with an empty registry of its own (a new
    /// office's first import), the cell's unknown names are exactly the
    /// names written, once each after reading them against the reference.
    #[test]
    fn cells_of_several_bodies_split_back(
        picks in proptest::collection::vec(any::<proptest::sample::Index>(), 1..=8),
        seps in proptest::collection::vec(proptest::sample::select(SEPARATORS.to_vec()), 8),
    ) {
        let all = names();
        let mut chosen: Vec<(String, String)> = Vec::new();
        for p in &picks {
            let (n, id) = p.get(&all).clone();
            // One body once per cell.
            if !chosen.iter().any(|(_, i)| *i == id) {
                chosen.push((n, id));
            }
        }
        let mut cell = String::new();
        for (k, (n, _)) in chosen.iter().enumerate() {
            if k > 0 {
                cell.push_str(seps[k]);
            }
            cell.push_str(n);
        }
        let r = reference();
        let got: Vec<String> = r.registry().resolve(&cell).ids().iter().map(|i| i.to_string()).collect();
        let want: Vec<String> = chosen.iter().map(|(_, id)| id.clone()).collect();
        prop_assert_eq!(&got, &want, "{:?}", cell);
        let empty = Registry::default();
        let unknown: Vec<String> = empty
            .resolve_split(&cell, r.registry())
            .unknown
            .into_iter()
            .map(|u| u.text)
            .collect();
        let printed: Vec<String> = chosen.iter().map(|(n, _)| n.clone()).collect();
        prop_assert_eq!(unknown, printed, "{:?}", cell);
    }

    /// A sheet's dates written all in one order (chosen at random), in
    /// three columns, are each read as the day they are, or the file
    /// carries a date-order item to review; never a wrong day silently.
    #[test]
    fn dates_in_either_order_are_read_right_or_flagged(
        dates in proptest::collection::vec((1u32..=28, 1u32..=12, 2024i32..2027), 3..40),
        month_first in any::<bool>(),
        pad in any::<bool>(),
    ) {
        let content = fixtures::content_dir();
        let csv = content.path().join("s.csv");
        let fmt = |(d, m, y): (u32, u32, i32)| {
            let (a, b) = if month_first { (m, d) } else { (d, m) };
            if pad { format!("{a:02}/{b:02}/{y}") } else { format!("{a}/{b}/{y}") }
        };
        let mut text = String::from("TT,Nhiệm vụ,Chủ trì,Bắt đầu,Hoàn thành,Ngày hoàn thành thực tế\n");
        let rows: Vec<_> = dates.chunks(3).filter(|c| c.len() == 3).collect();
        for (i, c) in rows.iter().enumerate() {
            text.push_str(&format!(
                "{},Việc {},Sở Nội vụ,{},{},{}\n",
                i + 1, i + 1, fmt(c[0]), fmt(c[1]), fmt(c[2])
            ));
        }
        std::fs::write(&csv, &text).unwrap();
        minhbach::import_plan::import(&fixtures::opts(&csv, content.path(), "s")).unwrap();
        let tf = fixtures::imported(content.path(), "s");
        let flagged = tf.review.iter().any(|r| r.what == "date_order");
        let ctx = Context { year: Some(2025), date_order: tf.date_order, ..Context::default() };
        let mut wrong = Vec::new();
        for (g, c) in tf.groups.iter().flat_map(|g| g.tasks.iter().map(move |t| (g, t))).zip(rows.iter()) {
            let (_, t) = g;
            for (cellv, truth) in [(&t.start, c[0]), (&t.deadline, c[1])] {
                let d = Deadline::read(&Vietnamese, cellv.as_deref().unwrap_or_default(), ctx);
                let read = d.kind.dues().first().map(|(_, x)| x.first_day());
                let want = chrono::NaiveDate::from_ymd_opt(truth.2, truth.1, truth.0);
                if read != want {
                    wrong.push((cellv.clone(), read, want));
                }
            }
        }
        prop_assert!(wrong.is_empty() || flagged, "misread without a flag: {:?}\n{}", wrong, text);
        // When any date shows its order, every date is read right.
        let telling = rows.iter().flat_map(|c| c.iter()).any(|(d, m, _)| d > &12 && d != m);
        if telling {
            prop_assert!(wrong.is_empty(), "{:?}", wrong);
            let want = if month_first { Some(DateOrder::MonthDay) } else { Some(DateOrder::DayMonth) };
            prop_assert_eq!(tf.date_order, want);
        }
    }
}
