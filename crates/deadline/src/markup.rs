//! Markup inside a time cell: a revised date struck through and the new
//! one emphasised, as plans write them in Markdown or HTML (`~~March
//! 2021~~ June 2021`, `<s>March 2021</s> **June 2021**`, `<del>…</del>`,
//! `<strike>…</strike>`, `<b>`, `<strong>`, `*…*`, a revision star
//! `June 2021*`). Tags are matched in any case, with attributes.
//!
//! The grammar reads the cell with the struck words and every marker
//! blanked ([`blank`]: offsets unchanged, so flags still quote the printed
//! words); pages show the struck words struck and the emphasised ones
//! emphasised ([`runs`]), the markers themselves never, the words always
//! as plain text. An unclosed marker is not markup: it stays as written.

/// What a character of the cell is, for display.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Look {
    /// A marker (`~~`, `<s>`, `**`): not shown.
    pub hidden: bool,
    /// Inside struck-through markup.
    pub struck: bool,
    /// Inside emphasis markup.
    pub strong: bool,
    /// A mark shown but not read (a revision star, `June 2021*`).
    pub unread: bool,
}

/// The tags of struck-through words.
const STRUCK_TAGS: [&str; 3] = ["s", "del", "strike"];
/// The tags of emphasised words.
const STRONG_TAGS: [&str; 6] = ["b", "strong", "em", "i", "u", "ins"];
/// The longest tag read, attributes included.
const MAX_TAG: usize = 200;

/// How every character of `chars` looks: markers hidden, struck and
/// emphasised words marked. Struck words are not read further (markup
/// inside them stays as written); emphasis may hold struck words.
pub fn looks(chars: &[char]) -> Vec<Look> {
    let mut out = vec![Look::default(); chars.len()];
    let mut i = 0;
    while i < chars.len() {
        if let Some((open_end, close_start, close_end, struck)) = pair_at(chars, i) {
            for l in &mut out[i..open_end] {
                l.hidden = true;
            }
            for l in &mut out[close_start..close_end] {
                l.hidden = true;
            }
            for l in &mut out[open_end..close_start] {
                if struck {
                    l.struck = true;
                } else {
                    l.strong = true;
                }
            }
            // Struck words are skipped whole; emphasis is read inside.
            i = if struck { close_end } else { open_end };
        } else if is_revision_star(chars, i) {
            out[i].unread = true;
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}

/// The cell as the grammar reads it: struck words and markers blanked to
/// spaces (a line break stays, so lines still cut milestones), and whether
/// any words were struck.
pub fn blank(chars: &[char]) -> (Vec<char>, bool) {
    let looks = looks(chars);
    let struck = looks.iter().any(|l| l.struck);
    let out = chars
        .iter()
        .zip(&looks)
        .map(|(&c, l)| {
            if (l.hidden || l.struck || l.unread) && c != '\n' {
                ' '
            } else {
                c
            }
        })
        .collect();
    (out, struck)
}

/// One run of the cell for display: words that look alike.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The words, verbatim, without markers.
    pub text: String,
    /// Struck through (the revised, earlier words).
    pub struck: bool,
    /// Emphasised.
    pub strong: bool,
}

/// The cell cut into runs for display, markers left out.
pub fn runs(text: &str) -> Vec<Run> {
    let chars: Vec<char> = text.chars().collect();
    let looks = looks(&chars);
    let mut out: Vec<Run> = Vec::new();
    // A marker always ends a run: two struck words in a row stay two.
    let mut marker = false;
    for (&c, l) in chars.iter().zip(&looks) {
        if l.hidden {
            marker = true;
            continue;
        }
        match out.last_mut() {
            Some(r) if !marker && r.struck == l.struck && r.strong == l.strong => r.text.push(c),
            _ => out.push(Run {
                text: c.to_string(),
                struck: l.struck,
                strong: l.strong,
            }),
        }
        marker = false;
    }
    out
}

/// The cell as plain text for places that show no markup (calendar
/// feeds): struck words between `~~` (the plain-text convention), other
/// markers dropped, every word kept.
pub fn plain(text: &str) -> String {
    runs(text)
        .into_iter()
        .map(|r| {
            if r.struck {
                format!("~~{}~~", r.text)
            } else {
                r.text
            }
        })
        .collect()
}

/// A marked pair opening at `i`: where the opening marker ends, where the
/// closing one starts and ends, and whether it strikes.
fn pair_at(chars: &[char], i: usize) -> Option<(usize, usize, usize, bool)> {
    let at = |k: usize, s: &str| {
        s.chars()
            .enumerate()
            .all(|(n, c)| chars.get(k + n) == Some(&c))
    };
    if at(i, "~~") {
        let close = (i + 3..chars.len().saturating_sub(1)).find(|&k| at(k, "~~"))?;
        return Some((i + 2, close, close + 2, true));
    }
    if at(i, "**") {
        let inner = i + 2;
        if chars.get(inner).is_none_or(|c| c.is_whitespace()) {
            return None;
        }
        let close = (inner + 1..chars.len().saturating_sub(1))
            .find(|&k| at(k, "**") && !chars[k - 1].is_whitespace())?;
        return Some((inner, close, close + 2, false));
    }
    if chars[i] == '*' {
        let inner = i + 1;
        let opens = chars
            .get(inner)
            .is_some_and(|c| !c.is_whitespace() && *c != '*')
            && (i == 0 || !chars[i - 1].is_alphanumeric());
        if !opens {
            return None;
        }
        let close = (inner + 1..chars.len()).find(|&k| {
            chars[k] == '*'
                && !chars[k - 1].is_whitespace()
                && chars.get(k + 1) != Some(&'*')
                && chars.get(k + 1).is_none_or(|c| !c.is_alphanumeric())
        })?;
        return Some((inner, close, close + 1, false));
    }
    if chars[i] == '<' {
        let (name, open_end) = tag(chars, i, false)?;
        let struck = STRUCK_TAGS.contains(&name.as_str());
        if !struck && !STRONG_TAGS.contains(&name.as_str()) {
            return None;
        }
        let mut k = open_end;
        while k < chars.len() {
            if chars[k] == '<' {
                if let Some((n, end)) = tag(chars, k, true) {
                    if n == name {
                        return Some((open_end, k, end, struck));
                    }
                }
            }
            k += 1;
        }
    }
    None
}

/// A tag at `i` (`<s>`, `<DEL class="x">`, or with `closing`, `</s >`):
/// its lower-case name and where it ends.
fn tag(chars: &[char], i: usize, closing: bool) -> Option<(String, usize)> {
    let mut k = i + 1;
    if closing {
        if chars.get(k) != Some(&'/') {
            return None;
        }
        k += 1;
    }
    let name_start = k;
    while chars.get(k).is_some_and(|c| c.is_ascii_alphabetic()) {
        k += 1;
    }
    if k == name_start {
        return None;
    }
    let name: String = chars[name_start..k]
        .iter()
        .map(|c| c.to_ascii_lowercase())
        .collect();
    match chars.get(k) {
        Some('>') => return Some((name, k + 1)),
        Some(c) if c.is_whitespace() => {}
        _ => return None,
    }
    let limit = (i + MAX_TAG).min(chars.len());
    let end = (k..limit).find(|&j| chars[j] == '>' || chars[j] == '<')?;
    if chars[end] != '>' {
        return None;
    }
    // A closing tag holds only spaces after its name.
    if closing && chars[k..end].iter().any(|c| !c.is_whitespace()) {
        return None;
    }
    Some((name, end + 1))
}

/// A star right after a word or number, before a space or the end
/// (`June 2021*`): the plan's mark of a revised date.
fn is_revision_star(chars: &[char], i: usize) -> bool {
    chars[i] == '*'
        && i > 0
        && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '.')
        && chars
            .get(i + 1)
            .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | ';' | ')' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn shown(text: &str) -> Vec<(String, bool, bool)> {
        runs(text)
            .into_iter()
            .map(|r| (r.text, r.struck, r.strong))
            .collect()
    }

    fn read(text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let (b, _) = blank(&chars);
        b.into_iter()
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn every_strike_markup_reads_the_later_date() {
        for text in [
            "~~March 2021~~ June 2021",
            "<s>March 2021</s> June 2021",
            "<S>March 2021</S> June 2021",
            "<del>March 2021</del> June 2021",
            "<DEL datetime=\"2021-01-01\">March 2021</del> June 2021",
            "<strike>March 2021</strike> June 2021",
            "<s class='old'>March 2021</s > **June 2021**",
            "~~March 2021~~ <b>June 2021</b>",
            "<del>March 2021</del> <strong>June 2021</strong>",
            "~~March 2021~~ *June 2021*",
            "~~March 2021~~ June 2021*",
        ] {
            assert_eq!(read(text), "June 2021", "{text}");
        }
    }

    #[test]
    fn runs_show_struck_and_emphasised_words_without_markers() {
        assert_eq!(
            shown("<s>March 2021</s> **June 2021**"),
            vec![
                ("March 2021".into(), true, false),
                (" ".into(), false, false),
                ("June 2021".into(), false, true)
            ]
        );
        // Markup inside struck words stays as written (shown as text).
        assert_eq!(
            shown("~~<b>x</b>~~ y"),
            vec![
                ("<b>x</b>".into(), true, false),
                (" y".into(), false, false)
            ]
        );
        // The revision star stays visible; it is only not read.
        assert_eq!(
            shown("June 2021*"),
            vec![("June 2021*".into(), false, false)]
        );
    }

    #[test]
    fn plain_text_keeps_words_and_struck_marks_only() {
        assert_eq!(
            plain("<s>March 2021</s> **June 2021**"),
            "~~March 2021~~ June 2021"
        );
        assert_eq!(
            plain("~~Tháng 6/2025~~ Tháng 9/2025"),
            "~~Tháng 6/2025~~ Tháng 9/2025"
        );
        assert_eq!(plain("a <script>x</script>"), "a <script>x</script>");
    }

    #[test]
    fn what_is_not_markup_stays_as_written() {
        for text in [
            "~~March 2021",
            "<s>March 2021",
            "<script>x</script>",
            "a < b > c",
            "* Draft: March 2021\n* Final: June 2021",
            "2 * 3 * 4",
            "<s onclick=\"<x>\">a</s>",
        ] {
            let chars: Vec<char> = text.chars().collect();
            let (b, struck) = blank(&chars);
            assert!(!struck, "{text}");
            let kept: String = b.into_iter().collect();
            assert_eq!(kept, text, "{text}");
        }
    }

    proptest! {
        /// Blanking keeps every offset, and shown runs hold exactly the
        /// characters that are not markers, in order.
        #[test]
        fn offsets_and_words_are_kept(text in "[a-z0-9 ~*<>/sdelbr\n]{0,40}") {
            let chars: Vec<char> = text.chars().collect();
            let (b, _) = blank(&chars);
            prop_assert_eq!(b.len(), chars.len());
            let visible: String = chars
                .iter()
                .zip(looks(&chars))
                .filter(|(_, l)| !l.hidden)
                .map(|(c, _)| *c)
                .collect();
            let joined: String = runs(&text).into_iter().map(|r| r.text).collect();
            prop_assert_eq!(joined, visible);
        }
    }
}
