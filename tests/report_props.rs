//! Property (issue 22): any subset of rows filled in any forms comes back
//! from `import-report` with nothing lost and nothing invented: each filled
//! row is one entry with its task, status, progress, completion date, note
//! and agency, and blank rows give none.

#[path = "support/forms.rs"]
mod forms;

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::PathBuf;
use std::sync::OnceLock;

use forms::*;
use minhbach::import::batch::{self, Context};
use minhbach::import::catalog::TaskCatalog;
use minhbach::import::words::StatusWords;
use minhbach::import::ReportMeta;
use proptest::prelude::*;

struct Setup {
    _dir: tempfile::TempDir,
    model: minhbach::model::Model,
    words: StatusWords,
    forms: Vec<ReadForm>,
}

/// Three small forms of the illustrative site, made once.
fn setup() -> &'static Setup {
    static S: OnceLock<Setup> = OnceLock::new();
    S.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let site = illustrative_copy(dir.path());
        let (model, diags) = minhbach::load_model(&site, None);
        let model = model.unwrap_or_else(|| panic!("{:?}", diags.sorted()));
        let theme = minhbach::load_theme(None, &site).unwrap();
        let out = dir.path().join("forms");
        let opts = minhbach::forms::FormOptions {
            period: "2026-02".into(),
            agencies: vec![
                "so-ngoai-vu".into(),
                "cong-an-tinh".into(),
                "bao-ptth-tinh".into(),
            ],
            out: out.clone(),
            force: false,
        };
        let files =
            minhbach::forms::write_forms(&model, &theme.i18n, &opts, &mut |_, _| {}).unwrap();
        let forms = files.iter().map(|f| read_form(f)).collect();
        Setup {
            words: StatusWords::from_i18n(&theme.i18n),
            model,
            forms,
            _dir: dir,
        }
    })
}

/// An entry as compared: task, agency, status, progress, completed, note.
type Seen = (
    String,
    String,
    String,
    Option<u32>,
    Option<String>,
    Option<String>,
);

/// One row's answer: status (index in the dropdown), progress, day, note.
type Answer = Option<(usize, u32, u32, bool)>;

fn answers() -> impl Strategy<Value = Vec<Vec<Answer>>> {
    let s = setup();
    let per_form: Vec<_> = s
        .forms
        .iter()
        .map(|f| {
            proptest::collection::vec(
                proptest::option::of((0usize..4, 0u32..=100, 1u32..=9, any::<bool>())),
                f.tasks().len().min(12),
            )
        })
        .collect();
    per_form
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn any_rows_filled_come_back_exactly(filled in answers()) {
        let s = setup();
        let tmp = tempfile::tempdir().unwrap();
        // (task, agency) → (status, progress, completed, note)
        let mut want: BTreeSet<Seen> = BTreeSet::new();
        let mut files: Vec<PathBuf> = Vec::new();
        for (form, rows) in s.forms.iter().zip(&filled) {
            let agency = form.path.file_stem().unwrap().to_str().unwrap().to_string();
            let mut fills = Vec::new();
            for ((row, key), a) in form.tasks().into_iter().zip(rows) {
                let Some((st, progress, day, with_note)) = *a else { continue };
                let word = form.words[st].clone();
                let status = key_of(&word);
                let done = status == "done";
                let note = with_note.then(|| format!("ghi chú {agency} {row}"));
                let f = Fill {
                    status: word,
                    progress: Some(progress),
                    completed_day: done.then_some(day),
                    evidence: None,
                    note: note.clone().unwrap_or_default(),
                    raw_progress: None,
                };
                want.insert((
                    key,
                    agency.clone(),
                    status.to_string(),
                    Some(progress),
                    done.then(|| format!("2026-02-{day:02}")),
                    note,
                ));
                fills.push((row, f));
            }
            let to = tmp.path().join(format!("{agency}.xlsx"));
            save_filled(form, &fills, &to);
            files.push(to);
        }
        let meta = ReportMeta {
            period: "2026-02".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 2, 10).unwrap(),
            issuer: None,
            number: None,
            century: None,
        };
        let catalog = TaskCatalog::new(&s.model);
        let agencies: HashSet<String> = s.model.registry.all().iter().map(|a| a.id.to_string()).collect();
        let ctx = Context { meta: &meta, catalog: Some(&catalog), agencies: Some(&agencies), words: &s.words };
        let b = batch::import(&files, &ctx, true, &mut |_| {});
        prop_assert!(b.clean(), "{:?}", b.diagnostics.sorted());
        let yaml: serde_yaml::Value = serde_yaml::from_str(b.yaml.as_deref().unwrap()).unwrap();
        let mut got: BTreeSet<Seen> = BTreeSet::new();
        for e in yaml["entries"].as_sequence().cloned().unwrap_or_default() {
            let s = |k: &str| e.get(k).and_then(|v| v.as_str()).map(str::to_string);
            got.insert((
                s("task").unwrap(),
                s("reported_by").unwrap(),
                s("status").unwrap(),
                e.get("progress").and_then(|v| v.as_u64()).map(|p| p as u32),
                s("completed"),
                s("note"),
            ));
        }
        prop_assert_eq!(&got, &want);
        // Every form counts as received, filled or not.
        let received: BTreeMap<String, String> = yaml["received"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|r| (r["agency"].as_str().unwrap().to_string(), r["file"].as_str().unwrap().to_string()))
            .collect();
        prop_assert_eq!(received.len(), s.forms.len());
        let blank: usize = b.files.iter().map(|f| f.blank).sum();
        let taken: usize = b.files.iter().map(|f| f.taken).sum();
        prop_assert_eq!(taken, want.len());
        let rows: usize = s.forms.iter().map(|f| f.tasks().len()).sum();
        prop_assert_eq!(taken + blank, rows);
    }
}
