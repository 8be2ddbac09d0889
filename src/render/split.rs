//! Long lists in parts, by a stable scheme a journalist can cite.
//!
//! A list of at most [`PART_ROWS`] rows stays on its page, exactly as on a
//! small site. A longer one is cut, in its own order, into parts of
//! [`PART_ROWS`] rows: part 1 keeps the page's permalink (`<dir>`), part
//! `n` lives at `<dir>trang_<n>/`. Every part says which rows it holds, of
//! how many, and links to every other part, so no row is ever unreachable
//! and a phone never loads a page of megabytes. The underscore is outside
//! the id alphabet ([`crate::model::ids::is_valid_id`]; the word is `path.part` of
//! the language, `trang` or `page`), so no plan, task,
//! agency or report id (`trang-2` included) can take a part's folder.

use serde::Serialize;

use super::i18n::Paths;
use super::urls;

/// Rows per part; also the longest list kept whole on one page.
pub const PART_ROWS: usize = 250;

/// True when a list of `len` rows is cut into parts.
pub fn is_split(len: usize) -> bool {
    len > PART_ROWS
}

/// Number of parts of a list of `len` rows (at least one, even when empty).
pub fn part_count(len: usize) -> usize {
    len.div_ceil(PART_ROWS).max(1)
}

/// The rows of part `n` (1-based); empty when there is no such part.
pub fn slice<T>(rows: &[T], n: usize) -> &[T] {
    let start = n
        .saturating_sub(1)
        .saturating_mul(PART_ROWS)
        .min(rows.len());
    let end = start.saturating_add(PART_ROWS).min(rows.len());
    &rows[start..end]
}

/// The part (1-based) holding row `i` (0-based).
pub fn part_of(i: usize) -> usize {
    i / PART_ROWS + 1
}

/// A link to one part, for the list of parts shown on each of them.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct PartLink {
    /// Part number, from 1.
    pub number: usize,
    /// First row of the part, from 1.
    pub first: usize,
    /// Last row of the part.
    pub last: usize,
    /// Link from the site root.
    pub href: String,
    /// True for the part being shown.
    pub current: bool,
}

/// Where a part sits among its siblings: shown at the top of each part.
#[derive(Debug, Serialize)]
pub struct PartsView {
    /// This part's number, from 1.
    pub number: usize,
    /// Number of parts.
    pub count: usize,
    /// Rows in the whole list.
    pub total: usize,
    /// First row shown, from 1 (0 when the list is empty).
    pub first: usize,
    /// Last row shown.
    pub last: usize,
    /// Every part.
    pub links: Vec<PartLink>,
}

/// The parts view of part `current` of a list of `total` rows at `base`,
/// its folders named with the path words `paths`.
pub fn parts_view(paths: &Paths, base: &str, total: usize, current: usize) -> PartsView {
    let count = part_count(total);
    let links = (1..=count)
        .map(|n| {
            let first = (n - 1) * PART_ROWS + 1;
            PartLink {
                number: n,
                first: first.min(total),
                last: (n * PART_ROWS).min(total),
                href: urls::href(&paths.part_dir(base, n)),
                current: n == current,
            }
        })
        .collect();
    let first = ((current.max(1) - 1) * PART_ROWS + 1).min(total);
    PartsView {
        number: current,
        count,
        total,
        first,
        last: (current * PART_ROWS).min(total),
        links,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::i18n::I18n;
    use proptest::prelude::*;

    fn paths(lang: &str) -> Paths {
        Paths::of(&I18n::embedded().unwrap(), lang).unwrap()
    }

    #[test]
    fn part_one_keeps_the_permalink() {
        let vi = paths("vi");
        assert_eq!(vi.part_dir("tinh-trang/", 1), "tinh-trang/");
        assert_eq!(vi.part_dir("tinh-trang/", 3), "tinh-trang/trang_3/");
        assert!(!is_split(PART_ROWS));
        assert!(is_split(PART_ROWS + 1));
        assert_eq!(part_count(0), 1);
    }

    proptest! {
        /// No id can name a part's folder, so a part never lands on the
        /// page of a plan, task, agency or report beside it.
        #[test]
        fn part_folders_are_never_ids(n in 2usize..100_000, id in "[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}") {
            for p in [paths("vi"), paths("en")] {
                prop_assert!(!crate::model::ids::is_valid_id(&p.part_folder(n)));
                prop_assert!(crate::model::ids::is_valid_id(&id));
                prop_assert_ne!(p.part_dir("co-quan/", n), format!("co-quan/{id}/"));
            }
        }

        /// Every row is in exactly one part, in order, and `part_of` names it.
        #[test]
        fn parts_cover_every_row_once(len in 0usize..3000) {
            let rows: Vec<usize> = (0..len).collect();
            let mut seen = Vec::new();
            for n in 1..=part_count(len) {
                let part = slice(&rows, n);
                prop_assert!(part.len() <= PART_ROWS);
                for &r in part {
                    prop_assert_eq!(part_of(r), n);
                }
                seen.extend_from_slice(part);
            }
            prop_assert!(slice(&rows, part_count(len) + 1).is_empty());
            prop_assert_eq!(seen, rows);
        }

        /// The parts view counts what the slices hold.
        #[test]
        fn parts_view_matches_slices(len in 1usize..3000, pick in 0usize..10) {
            let rows: Vec<usize> = (0..len).collect();
            let n = pick % part_count(len) + 1;
            let v = parts_view(&paths("vi"), "x/", len, n);
            let part = slice(&rows, n);
            prop_assert_eq!(v.first, part[0] + 1);
            prop_assert_eq!(v.last, part[part.len() - 1] + 1);
            prop_assert_eq!(v.links.iter().filter(|l| l.current).count(), 1);
            prop_assert_eq!(v.links.len(), part_count(len));
        }
    }
}
