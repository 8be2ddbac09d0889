//! Command-line entry point: `minhbach build | check | report-forms | import-report | import-plan | new | serve`.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use minhbach::output::OutputState;
use minhbach::{BuildOptions, Report};

mod monthly;

/// mimalloc: a build allocates and frees millions of small strings and
/// template values across threads; the system allocator spent a fifth of
/// the build's CPU on them (measured with `perf` at 10,000 tasks).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Compile plan data into a static transparency dashboard.
#[derive(Parser)]
#[command(name = "minhbach", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output directory (replaced only on success).
    Build {
        /// Content directory.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Output directory.
        #[arg(long, default_value = "output")]
        output: PathBuf,
        /// Date the statuses are computed for (YYYY-MM-DD); overrides site.yaml.
        #[arg(long)]
        as_of: Option<NaiveDate>,
        /// Theme directory (defaults to the theme built into the program).
        #[arg(long)]
        theme: Option<PathBuf>,
        /// Address the site is published at (e.g. https://example.org/minhbach/);
        /// overrides site.yaml. Used for canonical links, citations, sitemap and ICS.
        #[arg(long)]
        base_url: Option<String>,
        /// Re-render archived snapshots (/ban-luu/) instead of keeping the
        /// copies already published in the output directory.
        #[arg(long)]
        refresh_snapshots: bool,
        /// Replace an output folder that minhbach did not build (it has no
        /// .minhbach-output file) even though it holds files. Top-level dot
        /// entries (.git) are kept.
        #[arg(long)]
        force: bool,
        /// Print the wall time of each build stage (for measuring speed).
        #[arg(long)]
        timings: bool,
        /// No progress line on the terminal.
        #[arg(long)]
        quiet: bool,
    },
    /// Check the content and print every problem, without writing anything.
    Check {
        /// Content directory.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Date the statuses are computed for (YYYY-MM-DD).
        #[arg(long)]
        as_of: Option<NaiveDate>,
    },
    /// Write the monthly report form of each agency (.xlsx): its tasks, what
    /// was last reported, and the columns to fill in.
    ReportForms {
        /// Month reported (YYYY-MM).
        #[arg(long, value_parser = period_arg)]
        period: String,
        /// Agency id to write a form for (repeat it); default: every agency with tasks.
        #[arg(long = "agency")]
        agencies: Vec<String>,
        /// Content directory.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Folder the forms are written into (default: forms/<period>).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace forms already in the folder.
        #[arg(long)]
        force: bool,
        /// No progress line on the terminal.
        #[arg(long)]
        quiet: bool,
    },
    /// Turn returned forms and office sheets (CSV, .xlsx, .xls, .ods; a folder
    /// means every such file in it) into one report file, printed to
    /// standard output or written with --out.
    ImportReport {
        /// The files, or folders of files (columns: task or key or plan +
        /// number or text, status, progress, completed, note, ...).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Month reported (YYYY-MM).
        #[arg(long, value_parser = period_arg)]
        period: String,
        /// Date of the report (YYYY-MM-DD).
        #[arg(long)]
        date: NaiveDate,
        /// Reporting agency id.
        #[arg(long)]
        issuer: Option<String>,
        /// Document number of the report.
        #[arg(long)]
        number: Option<String>,
        /// Where to write the YAML: a file in <content>/reports/ (e.g.
        /// content/reports/2025-10.yaml); without it the YAML is printed.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Content directory the report belongs to (its tasks are matched).
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Replace the --out file when it exists.
        #[arg(long)]
        force: bool,
        /// Century of two-digit years (20 reads 08/09/25 as 2025).
        #[arg(long, value_parser = clap::value_parser!(u32).range(19..=21))]
        century: Option<u32>,
        /// Write nothing when any row is rejected.
        #[arg(long)]
        strict: bool,
        /// Workbook of the rejected rows, to send back (default: <out>.rejected.xlsx with --out).
        #[arg(long)]
        rejected: Option<PathBuf>,
        /// No progress line on the terminal.
        #[arg(long)]
        quiet: bool,
    },
    /// Import a plan's table from Word (.docx), OpenDocument (.odt), a spreadsheet (.xlsx, .xls,
    /// .ods) or CSV into plans/<id>/tasks.yaml, with a plan.md to fill in; a document with no
    /// table (.docx, .odt, .md, .txt) is read as prose: its numbered and bulleted paragraphs.
    ImportPlan {
        /// The file holding the plan's table.
        file: PathBuf,
        /// The new plan's id (lowercase letters, digits, hyphens), e.g. 45-kh-ubnd-2026.
        #[arg(long)]
        id: String,
        /// Content directory.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Sheet to read (spreadsheets); default: the one with a task header and the most rows.
        #[arg(long)]
        sheet: Option<String>,
        /// Table to read, counted from 1 (Word documents); default: the one with a task header and the most rows.
        #[arg(long)]
        table: Option<usize>,
        /// Replace an existing tasks.yaml (plan.md is never replaced).
        #[arg(long)]
        force: bool,
        /// Append agency names not in the registry to agencies.yaml, marked `review: true`.
        #[arg(long)]
        add_agencies: bool,
        /// Read the document as prose (numbered and bulleted paragraphs assigning work) even
        /// when it holds a table.
        #[arg(long)]
        prose: bool,
    },
    /// Start a plan typed in by hand: a commented plan.md and tasks.yaml.
    New {
        /// The new plan's id (lowercase letters, digits, hyphens).
        id: String,
        /// Content directory.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Build, serve the output on 127.0.0.1 for preview, rebuild when the
    /// content or theme changes, and reload open pages.
    Serve {
        /// Content directory.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Output directory.
        #[arg(long, default_value = "output")]
        output: PathBuf,
        /// Port to listen on (0 picks a free one).
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// Date the statuses are computed for (YYYY-MM-DD).
        #[arg(long)]
        as_of: Option<NaiveDate>,
        /// Theme directory.
        #[arg(long)]
        theme: Option<PathBuf>,
        /// Replace an output folder that minhbach did not build (see `build --force`).
        #[arg(long)]
        force: bool,
        /// Check for changes by polling twice a second instead of file
        /// system events (network drives, some containers).
        #[arg(long)]
        poll: bool,
    },
}

fn print_report(report: &Report) {
    print_diagnostics(&report.diagnostics);
}

fn print_diagnostics(diags: &minhbach::diagnostics::Diagnostics) {
    for d in diags.sorted() {
        eprintln!("{d}");
    }
    let e = diags.error_count();
    let w = diags.warning_count();
    if e + w > 0 {
        eprintln!("{e} error(s), {w} warning(s)");
    }
}

/// What a failed build left at the output path, as it really is.
fn outcome(report: &Report, output: &std::path::Path) -> String {
    let out = output.display();
    match report.output {
        OutputState::Unchanged => format!("{out} was left unchanged"),
        OutputState::Replaced => {
            format!("the new site is in {out}; see the error above for what is left over")
        }
        OutputState::Interrupted => format!(
            "{out} is not in place: the previous site is kept beside it (see the error above)"
        ),
    }
}

fn main() -> ExitCode {
    // A file-size limit (`ulimit -f`) must make a write fail with an error
    // (EFBIG), reported with the file's name and the staging folder
    // removed, not kill the program without a word.
    // SAFETY: setting a signal to be ignored, before any thread starts.
    #[cfg(unix)]
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    let cli = Cli::parse();
    match cli.command {
        Command::Check { content, as_of } => {
            let report = minhbach::check(&content, as_of);
            print_report(&report);
            if report.diagnostics.has_errors() {
                return ExitCode::FAILURE;
            }
            eprintln!("ok: {}", report.summary);
            ExitCode::SUCCESS
        }
        Command::Build {
            content,
            output,
            as_of,
            theme,
            base_url,
            refresh_snapshots,
            force,
            timings,
            quiet,
        } => {
            let spinner = std::sync::Arc::new(minhbach::progress::Progress::spinner("load", quiet));
            let shown = spinner.clone();
            minhbach::timing::observe(move |stage| shown.message(&format!("built: {stage}")));
            let opts = BuildOptions {
                content,
                output,
                as_of,
                theme,
                base_url,
                refresh_snapshots,
                publishing: true,
                force,
            };
            let report = minhbach::build(&opts);
            spinner.finish();
            print_report(&report);
            if report.diagnostics.has_errors() {
                eprintln!("build failed: {}", outcome(&report, &opts.output));
                return ExitCode::FAILURE;
            }
            eprintln!("built {} into {}", report.summary, opts.output.display());
            if timings {
                eprintln!("stages: {}", report.stages);
            }
            ExitCode::SUCCESS
        }
        Command::ReportForms {
            period,
            agencies,
            content,
            out,
            force,
            quiet,
        } => {
            let out = out.unwrap_or_else(|| PathBuf::from("forms").join(&period));
            let opts = minhbach::forms::FormOptions {
                period,
                agencies,
                out,
                force,
            };
            match monthly::run(&content, &opts, quiet) {
                Ok(()) => ExitCode::SUCCESS,
                Err(()) => ExitCode::FAILURE,
            }
        }
        Command::ImportReport {
            files,
            period,
            date,
            issuer,
            number,
            out,
            content,
            force,
            century,
            strict,
            rejected,
            quiet,
        } => {
            let meta = minhbach::import::ReportMeta {
                period,
                date,
                issuer,
                number,
                century,
            };
            let args = monthly::ImportArgs {
                files,
                meta,
                out,
                content,
                force,
                strict,
                rejected,
                quiet,
            };
            match monthly::import(&args) {
                Ok(()) => ExitCode::SUCCESS,
                Err(()) => ExitCode::FAILURE,
            }
        }
        Command::ImportPlan {
            file,
            id,
            content,
            sheet,
            table,
            force,
            add_agencies,
            prose,
        } => {
            let opts = minhbach::import_plan::ImportOptions {
                file,
                id,
                content,
                sheet,
                table,
                force,
                add_agencies,
                prose,
            };
            match minhbach::import_plan::import(&opts) {
                Ok(summary) => {
                    eprint!("{summary}");
                    eprintln!(
                        "next: fill in {}, then run `minhbach check --content {}`",
                        opts.content
                            .join("plans")
                            .join(&opts.id)
                            .join("plan.md")
                            .display(),
                        opts.content.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::New { id, content } => match minhbach::import_plan::new_plan(&content, &id) {
            Ok(files) => {
                for f in files {
                    eprintln!("wrote {}", f.display());
                }
                eprintln!(
                    "next: fill them in, then run `minhbach check --content {}`",
                    content.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        },
        Command::Serve {
            content,
            output,
            port,
            as_of,
            theme,
            force,
            poll,
        } => {
            let mut build = BuildOptions::new(content, output);
            build.as_of = as_of;
            build.theme = theme;
            build.force = force;
            let output = build.output.clone();
            let opts = minhbach::serve::ServeOptions { build, port, poll };
            let on_build = move |report: &Report| {
                print_report(report);
                if report.diagnostics.has_errors() {
                    eprintln!("build failed: {}", outcome(report, &output));
                } else {
                    eprintln!("built {}", report.summary);
                }
            };
            match minhbach::serve::run(&opts, on_build) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}\nhelp: {}", e.help());
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// A `--period`: a month written `YYYY-MM` (month 01 to 12), refused by
/// the command line before anything is read.
fn period_arg(s: &str) -> Result<String, String> {
    let ok = s.len() == 7
        && s.as_bytes()[4] == b'-'
        && s[..4].bytes().all(|b| b.is_ascii_digit())
        && s[5..]
            .parse::<u32>()
            .is_ok_and(|m| (1..=12).contains(&m) && s[5..].bytes().all(|b| b.is_ascii_digit()));
    if ok {
        Ok(s.to_string())
    } else {
        Err(format!(
            "{s:?} is not a month written YYYY-MM (month 01 to 12), e.g. 2026-02"
        ))
    }
}
