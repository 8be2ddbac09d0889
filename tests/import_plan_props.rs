//! Property tests for the import: the header mapper on headings written
//! every way offices write them, and the grid readers and row shaping on
//! generated tables (never panic; every row accounted for; cells verbatim).

use proptest::prelude::*;

use minhbach::import_plan::header::{self, map_heading, Field};
use minhbach::import_plan::structure;
use minhbach::tables::{self, Cell, Origin, Table};

const HEADINGS: [(&str, Field); 12] = [
    ("TT", Field::Number),
    ("STT", Field::Number),
    ("Mục tiêu năm 2025", Field::Goal),
    ("Nhiệm vụ, giải pháp", Field::Task),
    ("Tên nhiệm vụ", Field::Task),
    ("Kết quả/sản phẩm", Field::Output),
    ("Cơ quan chủ trì", Field::Lead),
    ("Đơn vị chủ trì", Field::Lead),
    ("Cơ quan phối hợp", Field::Cooperate),
    ("Thời gian thực hiện", Field::Start),
    ("Thời gian hoàn thành", Field::Deadline),
    ("Ghi chú", Field::Note),
];

/// Writes a heading as offices do: any case per letter, accents dropped or
/// kept, spaces doubled or turned into line breaks.
fn variant(h: &str, case: &[bool], accents: bool, breaks: &[u8]) -> String {
    let base = if accents {
        h.to_string()
    } else {
        deunicode_like(h)
    };
    let mut out = String::new();
    let mut k = 0;
    for (i, ch) in base.chars().enumerate() {
        if ch == ' ' {
            out.push_str(match breaks[k % breaks.len()] % 3 {
                0 => " ",
                1 => "  ",
                _ => "\n",
            });
            k += 1;
        } else if case[i % case.len()] {
            out.extend(ch.to_uppercase());
        } else {
            out.extend(ch.to_lowercase());
        }
    }
    out
}

fn deunicode_like(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect()
}

proptest! {
    #[test]
    fn headings_map_whatever_their_case_accents_and_spacing(
        i in 0..HEADINGS.len(),
        case in proptest::collection::vec(any::<bool>(), 1..8),
        accents in any::<bool>(),
        breaks in proptest::collection::vec(any::<u8>(), 1..4),
    ) {
        let (h, f) = HEADINGS[i];
        let v = variant(h, &case, accents, &breaks);
        prop_assert_eq!(map_heading(&v), Some(f), "{:?}", v);
    }

    #[test]
    fn the_mapper_never_panics(s in "\\PC{0,60}") {
        let _ = map_heading(&s);
    }

    /// Any number format code renders without panicking, and the usual
    /// day-first codes render the date's own numbers.
    #[test]
    fn number_formats_never_panic(
        code in "[dmyhsAMP/:\\-\\\\\"\\[\\]$;_* .0-9a-z]{0,24}",
        y in 1900u16..2100, m in 1u8..=12, d in 1u8..=28,
    ) {
        let _ = tables::xlsx_formats::render(&code, (y, m, d, 0, 0, 0), 0);
        let _ = tables::xlsx_formats::shows_date(&code);
        prop_assert_eq!(
            tables::xlsx_formats::render("dd/mm/yyyy", (y, m, d, 0, 0, 0), 0),
            format!("{d:02}/{m:02}/{y}")
        );
    }

    /// CSV grids of any text read back cell for cell (cleaned as every
    /// reader cleans: NFC, outer blanks trimmed), whatever the delimiter.
    #[test]
    fn csv_grids_read_back(
        grid in proptest::collection::vec(proptest::collection::vec("[a-zA-Zà-ỹ0-9 ,;\"\\n]{0,12}", 3..6), 1..8),
        d in 0usize..3,
    ) {
        let delim = [b',', b';', b'\t'][d];
        let mut w = csv::WriterBuilder::new().delimiter(delim).flexible(true).from_writer(Vec::new());
        for row in &grid {
            w.write_record(row).unwrap();
        }
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        let t = tables::csv::parse(&text, delim).unwrap();
        prop_assert_eq!(t.rows.len(), grid.len());
        for (r, row) in grid.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                prop_assert_eq!(t.text_at(r, c), tables::clean_text(cell));
            }
        }
    }
}

/// A generated table: cells from a small vocabulary of real-looking
/// content (codes, numbers, headings, dates, agency names), some merged.
fn arb_table() -> impl Strategy<Value = Table> {
    let vocab = prop_oneof![
        Just(String::new()),
        Just("I".to_string()),
        Just("IV.1".to_string()),
        Just("A".to_string()),
        Just("1".to_string()),
        Just("TT".to_string()),
        Just("Nhiệm vụ".to_string()),
        Just("Mục tiêu".to_string()),
        Just("Cơ quan chủ trì".to_string()),
        Just("Thời gian hoàn thành".to_string()),
        Just("(1)".to_string()),
        Just("06/30/2025".to_string()),
        Just("Sở Nội vụ\nCông an tỉnh".to_string()),
        "[a-zà-ỹ ]{0,10}",
    ];
    let cell = (vocab, 0u8..10);
    proptest::collection::vec(proptest::collection::vec(cell, 2..7), 1..25).prop_map(|rows| {
        let mut grid: Vec<Vec<Cell>> = rows
            .iter()
            .map(|r| r.iter().map(|(t, _)| Cell::text(t.clone())).collect())
            .collect();
        // Merge some cells down (goal-like) or across (group-like).
        for (r, row) in rows.iter().enumerate() {
            for (c, (_, m)) in row.iter().enumerate() {
                if *m == 0 && r + 1 < grid.len() && c < grid[r + 1].len() {
                    grid[r + 1][c] = Cell::Covered { row: r, col: c };
                } else if *m == 1 && c + 1 < grid[r].len() {
                    grid[r][c + 1] = Cell::Covered { row: r, col: c };
                }
            }
        }
        // Most tables carry a header somewhere near the top.
        let m = rows[0][0].1 as usize;
        if m < 7 {
            let at = (m % 3).min(grid.len());
            let header = [
                "TT",
                "Mục tiêu",
                "Nhiệm vụ",
                "Cơ quan chủ trì",
                "Thời gian hoàn thành",
            ];
            grid.insert(at, header.iter().map(|h| Cell::text(*h)).collect());
        }
        Table::new(Origin::Csv, grid)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever the grid, shaping never panics and every row is accounted
    /// for exactly once; every imported cell is a grid cell's text.
    #[test]
    fn every_row_is_accounted_for(t in arb_table()) {
        let found = header::find(&t);
        if let Some(h) = found {
            let mut imported = structure::build(&t, &h, 0);
            minhbach::import_plan::ids::assign_ids(&mut imported.groups);
            prop_assert_eq!(imported.rows.total(), t.rows.len());
            let texts: Vec<&str> = (0..t.rows.len())
                .flat_map(|r| (0..t.width()).map(move |c| (r, c)))
                .map(|(r, c)| t.text_at(r, c))
                .collect();
            for task in minhbach::import_plan::all_tasks(&imported) {
                for (_, v) in &task.cells {
                    prop_assert!(texts.contains(&v.as_str()), "{:?} is not a cell", v);
                }
            }
            // And the YAML written reads back as the loader reads it.
            let yaml = minhbach::import_plan::write::tasks_yaml(&imported, "t", &Default::default());
            let parsed: Result<minhbach::load::raw::TasksFile, _> = serde_yaml::from_str(&yaml);
            prop_assert!(parsed.is_ok(), "{}\n{:?}", yaml, parsed.err());
        }
    }

    /// Word documents with random merges: the reader never panics and every
    /// covered position points at a cell above-left of it.
    #[test]
    fn word_tables_with_any_merges(
        rows in proptest::collection::vec(proptest::collection::vec((0u8..4, 1usize..3, "[a-z]{0,4}"), 1..5), 1..8)
    ) {
        let mut body = String::from("<w:tbl>");
        for row in &rows {
            body.push_str("<w:tr>");
            for (m, span, text) in row {
                let mut pr = String::new();
                if *span > 1 {
                    pr.push_str(&format!(r#"<w:gridSpan w:val="{span}"/>"#));
                }
                match m {
                    0 => pr.push_str(r#"<w:vMerge w:val="restart"/>"#),
                    1 => pr.push_str("<w:vMerge/>"),
                    _ => {}
                }
                body.push_str(&format!("<w:tc><w:tcPr>{pr}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"));
            }
            body.push_str("</w:tr>");
        }
        body.push_str("</w:tbl>");
        let xml = format!(r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#);
        let tables = tables::docx::parse_document(&xml).unwrap();
        prop_assert_eq!(tables.len(), 1);
        let t = &tables[0];
        prop_assert_eq!(t.rows.len(), rows.len());
        for r in 0..t.rows.len() {
            for c in 0..t.width() {
                let (r0, c0) = t.origin_of(r, c);
                prop_assert!(r0 <= r && c0 <= c);
                let is_text = matches!(t.rows[r0][c0], Cell::Text { .. });
                prop_assert!(is_text, "({}, {}) points at a covered cell", r, c);
            }
        }
    }
}
