//! Words folded into a language's templates before they are compiled.
//!
//! Each language has its own template engine, so a lookup with a constant
//! key, `t(key="nav.plans")`, gives the same words on every page. It is
//! replaced once, when the theme is loaded, by those words: as text when
//! it is a whole `{{ … }}` of an autoescaped template (escaped exactly as
//! the engine would), else as a string literal. A task page makes about
//! forty such lookups; a site of 10,000 tasks made 400,000 calls that all
//! returned the same strings. Lookups with values, counts, another
//! language or a computed key are left to the engine, and so is a key the
//! words cannot give alone (its error is then the engine's, as before).

/// The text of `src` with every constant-key `t(key="…")` inside a tag
/// replaced by what `word(key)` gives; `None` leaves the call as it is.
/// `autoescaped`: the engine escapes this template's output as HTML.
pub fn fold_words(src: &str, autoescaped: bool, word: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(src.len());
    let mut rest = src;
    while let Some(at) = next_open(rest) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let close = match &rest[..2] {
            "{#" => "#}",
            "{%" => "%}",
            _ => "}}",
        };
        let Some(len) = tag_len(rest, close) else {
            // An unclosed tag: the engine reports it; nothing is changed.
            out.push_str(rest);
            return out;
        };
        let tag = &rest[..len];
        rest = &rest[len..];
        if close == "#}" {
            out.push_str(tag);
        } else if is_raw(tag) {
            // `{% raw %}`: copied through `{% endraw %}` untouched.
            let end = find_endraw(rest).unwrap_or(rest.len());
            out.push_str(tag);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        } else if let Some(text) = whole_lookup(tag).and_then(word).filter(|t| {
            autoescaped && close == "}}" && !t.contains(['{', '}', '#', '%', '\n', '\r'])
        }) {
            escape_html(&text, &mut out);
        } else {
            fold_tag(tag, word, &mut out);
        }
    }
    out.push_str(rest);
    out
}

/// Where the next `{{`, `{%` or `{#` starts.
fn next_open(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(1)).find(|&i| b[i] == b'{' && matches!(b[i + 1], b'{' | b'%' | b'#'))
}

/// The length of the tag at the start of `s`, through `close`, skipping
/// string literals (which may hold `}}`); comments have no strings.
fn tag_len(s: &str, close: &str) -> Option<usize> {
    if close == "#}" {
        return s.find(close).map(|i| i + 2);
    }
    let mut strings = Strings::default();
    (2..s.len())
        .find(|&i| {
            strings.outside(s.as_bytes()[i]) && s.as_bytes()[i..].starts_with(close.as_bytes())
        })
        .map(|i| i + 2)
}

/// Where a scan of a tag stands with respect to its string literals.
#[derive(Default)]
struct Strings {
    quote: Option<u8>,
    escaped: bool,
}

impl Strings {
    /// Takes the next byte; true when it stands outside every string
    /// literal and opens none.
    fn outside(&mut self, c: u8) -> bool {
        if std::mem::take(&mut self.escaped) {
            return false;
        }
        match self.quote {
            Some(q) => {
                if c == b'\\' {
                    self.escaped = true;
                } else if c == q {
                    self.quote = None;
                }
                false
            }
            None if matches!(c, b'"' | b'\'' | b'`') => {
                self.quote = Some(c);
                false
            }
            None => true,
        }
    }
}

/// The inside of a tag, without its delimiters and whitespace control.
fn inner(tag: &str) -> &str {
    let t = &tag[2..tag.len() - 2];
    let t = t.strip_prefix('-').unwrap_or(t);
    let t = t.strip_suffix('-').unwrap_or(t);
    t.trim()
}

fn is_raw(tag: &str) -> bool {
    tag.starts_with("{%") && inner(tag) == "raw"
}

/// Where the `{% endraw %}` tag after a raw block starts.
fn find_endraw(s: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = s[from..].find("{%") {
        let at = from + i;
        if let Some(len) = s[at..].find("%}") {
            if inner(&s[at..at + len + 2]) == "endraw" {
                return Some(at);
            }
        }
        from = at + 2;
    }
    None
}

/// The key of a tag that is exactly `{{ t(key="…") }}` (no whitespace
/// control, which would trim text around it).
fn whole_lookup(tag: &str) -> Option<&str> {
    let body = tag.strip_prefix("{{")?.strip_suffix("}}")?;
    if body.starts_with('-') || body.ends_with('-') {
        return None;
    }
    let (key, len) = lookup_at(body.trim())?;
    (len == body.trim().len()).then_some(key)
}

/// A `t(key="…")` call at the start of `s`: its key and length.
fn lookup_at(s: &str) -> Option<(&str, usize)> {
    let after = s.strip_prefix("t(key=\"")?;
    let end = after.find('"')?;
    let key = &after[..end];
    let valid = !key.is_empty()
        && key
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'));
    (valid && after[end + 1..].starts_with(')')).then_some((key, "t(key=\"".len() + end + 2))
}

/// Copies `tag`, each constant lookup outside its strings replaced by a
/// string literal of its words.
fn fold_tag(tag: &str, word: &dyn Fn(&str) -> Option<String>, out: &mut String) {
    let b = tag.as_bytes();
    let mut i = 0;
    let mut copied = 0;
    let mut strings = Strings::default();
    while i < b.len() {
        let at_call = strings.outside(b[i]) && b[i] == b't' && !(i > 0 && is_name_byte(b[i - 1]));
        if at_call {
            if let Some((key, len)) = lookup_at(&tag[i..]) {
                if let Some(text) = word(key) {
                    out.push_str(&tag[copied..i]);
                    string_literal(&text, out);
                    i += len;
                    copied = i;
                    continue;
                }
            }
        }
        i += 1;
    }
    out.push_str(&tag[copied..]);
}

/// A byte that can be part of a name or follow one in an attribute path.
fn is_name_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'.'
}

/// `text` as a template string literal, with the escapes the engine reads.
fn string_literal(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            _ => out.push(c),
        }
    }
    out.push('"');
}

/// Escapes `text` as the engine does when it writes a value into HTML.
fn escape_html(text: &str, out: &mut String) {
    let mut buf = Vec::with_capacity(text.len());
    // Writing to a Vec cannot fail.
    let _ = tera::escape_html(text, &mut buf);
    out.push_str(&String::from_utf8_lossy(&buf));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(key: &str) -> Option<String> {
        match key {
            "a.b" => Some("Kế hoạch <A&B>".into()),
            "q" => Some("say \"hi\" \\ 'x'".into()),
            "brace" => Some("{{ not a tag }}".into()),
            "nl" => Some("one\ntwo".into()),
            _ => None,
        }
    }

    #[test]
    fn a_whole_lookup_becomes_escaped_text() {
        let out = fold_words("<p>{{ t(key=\"a.b\") }}</p>", true, &words);
        assert_eq!(out, "<p>Kế hoạch &lt;A&amp;B&gt;</p>");
    }

    #[test]
    fn lookups_inside_expressions_become_literals() {
        let src = "{{ t(key=\"q\") ~ x }}{% set y = t(key=\"a.b\") %}{{ t(key=\"brace\") }}";
        let out = fold_words(src, true, &words);
        assert_eq!(
            out,
            "{{ \"say \\\"hi\\\" \\\\ 'x'\" ~ x }}{% set y = \"Kế hoạch <A&B>\" %}{{ \"{{ not a tag }}\" }}"
        );
    }

    #[test]
    fn calls_with_values_comments_strings_and_raw_blocks_are_left_alone() {
        let src = concat!(
            "{{ t(key=\"a.b\", n=3) }}{# t(key=\"a.b\") #}{{ \"t(key=\\\"a.b\\\")\" }}",
            "{{ xt(key=\"a.b\") }}{% raw %}{{ t(key=\"a.b\") }}{% endraw %}",
            "{{ t(key=\"unknown\") }}{{- t(key=\"a.b\") -}}t(key=\"a.b\")"
        );
        let out = fold_words(src, true, &words);
        let expected = src.replace("{{- t(key=\"a.b\") -}}", "{{- \"Kế hoạch <A&B>\" -}}");
        assert_eq!(out, expected);
    }

    #[test]
    fn letters_of_any_script_inside_a_tag_are_copied_through() {
        let src =
            "{{ tên ~ t(key=\"a.b\") }}{% if x == \"Đ\" %}{{ t(key=\"a.b\") }}{% endif %}{{ ế";
        let out = fold_words(src, true, &words);
        assert_eq!(
            out,
            "{{ tên ~ \"Kế hoạch <A&B>\" }}{% if x == \"Đ\" %}Kế hoạch &lt;A&amp;B&gt;{% endif %}{{ ế"
        );
    }

    #[test]
    fn not_autoescaped_templates_get_literals() {
        assert_eq!(
            fold_words("{{ t(key=\"a.b\") }}", false, &words),
            "{{ \"Kế hoạch <A&B>\" }}"
        );
    }

    /// Renders `src` with `t` bound to `text` at run time, and folded.
    fn both(src: &str, text: &str) -> (String, String) {
        let render = |source: &str| {
            let mut tera = tera::Tera::new();
            let owned = text.to_string();
            tera.register_function(
                "t",
                move |kw: tera::Kwargs, _: &tera::State| -> tera::TeraResult<tera::Value> {
                    let key: String = kw.must_get("key")?;
                    Ok(tera::Value::from(if key == "k" {
                        owned.clone()
                    } else {
                        format!("<{key}>")
                    }))
                },
            );
            tera.autoescape_on(vec![".html"]);
            tera.add_raw_template("p.html", source)
                .map_err(|e| e.to_string())?;
            let mut ctx = tera::Context::new();
            ctx.insert("x", "&x");
            tera.render("p.html", &ctx).map_err(|e| e.to_string())
        };
        let owned = text.to_string();
        let folded = fold_words(src, true, &move |k: &str| (k == "k").then(|| owned.clone()));
        let a = render(src).unwrap_or_else(|e| format!("error {e}"));
        let b = render(&folded).unwrap_or_else(|e| format!("error {e}"));
        (a, b)
    }

    proptest! {
        /// Folding never changes what a page says, whatever the words hold.
        #[test]
        fn folded_templates_render_the_same(text in "[a-zA-Zà-ỹ<>&\"'`\\\\{}%#\n\t -]{0,40}") {
            let src = concat!(
                "<p title=\"{{ t(key=\"k\") }}\">{{ t(key=\"k\") }}</p>\n",
                "{{ t(key=\"k\") ~ x }}|{{ t(key=\"k\") | upper }}|{{- t(key=\"k\") }}\n",
                "{% set s = t(key=\"k\") %}{{ s }}{% if t(key=\"k\") == \"\" %}empty{% endif %}\n",
                "{{ t(key=\"other\") }}{{ t(key=\"k\") | safe }}"
            );
            let (a, b) = both(src, &text);
            prop_assert_eq!(a, b);
        }
    }
}
