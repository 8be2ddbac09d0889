//! Permalinks. Every page lives at `<dir>/index.html`; its permalink is
//! `/<dir>/`. Paths derive from ids only (never titles), so they never change
//! when wording is corrected. Links inside pages are relative, so the site
//! works from a sub-path and from disk.

/// Directory of the plans index.
pub const PLANS: &str = "ke-hoach/";
/// Directory of the agencies index.
pub const AGENCIES: &str = "co-quan/";

/// Directory of a plan page.
pub fn plan(plan_id: &str) -> String {
    format!("ke-hoach/{plan_id}/")
}

/// Directory of a task page.
pub fn task(plan_id: &str, task_id: &str) -> String {
    format!("ke-hoach/{plan_id}/nhiem-vu/{task_id}/")
}

/// Directory of an agency page.
pub fn agency(agency_id: &str) -> String {
    format!("co-quan/{agency_id}/")
}

/// The relative prefix from a page directory back to the site root.
pub fn root_from(dir: &str) -> String {
    "../".repeat(dir.matches('/').count())
}

/// A link from any page to a page directory: `<root><dir>index.html`.
pub fn href(dir: &str) -> String {
    format!("{dir}index.html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permalinks_and_roots() {
        assert_eq!(
            task("114-kh-bcd-2025", "18"),
            "ke-hoach/114-kh-bcd-2025/nhiem-vu/18/"
        );
        assert_eq!(root_from(""), "");
        assert_eq!(root_from(&task("p", "1")), "../../../../");
        assert_eq!(root_from(&agency("so-khcn")), "../../");
        assert_eq!(href(&plan("p")), "ke-hoach/p/index.html");
    }
}
