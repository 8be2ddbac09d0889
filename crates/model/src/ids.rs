//! Identifiers that appear in permalinks, and the slug rule that makes them.
//!
//! Ids are lowercase ASCII letters, digits and single hyphens, so a content
//! author cannot make a path that escapes the output directory.

use std::fmt;

use serde::Serialize;

/// Folds Vietnamese to an ASCII slug: `Đề án 06` → `de-an-06`.
pub fn slugify(text: &str) -> String {
    // deunicode maps `Đ`/`đ` to `D`/`d` and drops combining marks.
    let ascii = deunicode::deunicode(text).to_lowercase();
    let mut out = String::with_capacity(ascii.len());
    let mut dash = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Longest id accepted: ids become file names, which most file systems
/// limit to 255 bytes, and addresses people read and cite.
pub const MAX_ID_LEN: usize = 100;

/// True when `id` is a non-empty slug of at most [`MAX_ID_LEN`]
/// characters: `[a-z0-9]+(-[a-z0-9]+)*`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps a string already checked with [`is_valid_id`].
            pub fn new(id: impl Into<String>) -> Option<Self> {
                let id = id.into();
                is_valid_id(&id).then_some($name(id))
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// Stable id of an agency in the registry (`so-khcn`).
    AgencyId
);
id_type!(
    /// Stable id of a plan: its directory name (`114-kh-bcd-2025`).
    PlanId
);
id_type!(
    /// Id of a task within its plan (`18`, `pl2-i-1`).
    TaskId
);

impl TaskId {
    /// A fallback id from the row's position (`dong-3`), always valid; used
    /// only while reporting a row that lacks a usable id.
    pub fn for_row(position: usize) -> Self {
        TaskId(format!("dong-{}", position + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_is_folded() {
        assert_eq!(slugify("Đề án 06"), "de-an-06");
        assert_eq!(
            slugify("Sở Khoa học và Công nghệ"),
            "so-khoa-hoc-va-cong-nghe"
        );
        assert_eq!(slugify("114/KH-BCĐ"), "114-kh-bcd");
        assert_eq!(slugify("1."), "1");
        assert_eq!(slugify("  IV. 3 "), "iv-3");
    }

    #[test]
    fn ids_cannot_escape() {
        assert!(AgencyId::new("so-khcn").is_some());
        for bad in [
            "", "../etc", "a/b", "A", "a--b", "-a", "a-", "a b", "đ", ".", "..",
        ] {
            assert!(TaskId::new(bad).is_none(), "{bad:?}");
        }
        assert!(PlanId::new("a".repeat(MAX_ID_LEN)).is_some());
        assert!(PlanId::new("a".repeat(MAX_ID_LEN + 1)).is_none());
    }
}
