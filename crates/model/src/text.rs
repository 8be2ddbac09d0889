//! Characters that change how a text looks without being seen: names and
//! cells are compared without them (`Sở\u{200B} Nội vụ` is `Sở Nội vụ`),
//! and `load` removes them from every published field.

/// True for an invisible formatting character: zero-width characters and
/// marks (U+200B–U+200F), bidirectional embeddings and overrides
/// (U+202A–U+202E) and isolates (U+2066–U+2069), and U+FEFF inside text.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// `s` without its invisible formatting characters (names compare
/// without them: `Sở\u{200B} Nội vụ` is `Sở Nội vụ`).
pub fn without_invisible(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(is_invisible) {
        std::borrow::Cow::Owned(s.chars().filter(|&c| !is_invisible(c)).collect())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}
