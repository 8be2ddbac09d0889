//! Snapshots of the command line: every command's help and its main error
//! messages, as a user sees them (`tests/cmd/*.trycmd`; after a deliberate
//! change, `TRYCMD=overwrite cargo test --test cli` rewrites them, and the
//! diff is reviewed in the commit).

#[test]
fn cli_snapshots() {
    trycmd::TestCases::new().case("tests/cmd/*.trycmd");
}
