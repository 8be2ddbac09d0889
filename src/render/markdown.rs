//! Markdown narratives to HTML. Raw HTML in content is shown as text, never
//! passed through, and links may only use safe schemes. List markers are
//! kept as printed text (`1.`, `-`), because official documents are cited by
//! their own numbering.

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};

/// Renders Markdown to safe HTML.
pub fn to_html(markdown: &str) -> String {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    // Each open list: Some(next number) for ordered lists, None for bullets.
    let mut lists: Vec<Option<u64>> = Vec::new();
    // A marker waiting to be placed inside the item's first paragraph.
    let mut pending: Option<String> = None;
    let events = Parser::new_ext(markdown, opts).flat_map(move |ev| {
        if let Some(marker) = pending.take() {
            return match ev {
                Event::Start(Tag::Paragraph) => {
                    vec![
                        Event::Start(Tag::Paragraph),
                        Event::Text(CowStr::from(marker)),
                    ]
                }
                other => vec![Event::Text(CowStr::from(marker)), sanitize(other)],
            };
        }
        let out: Vec<Event> = match ev {
            Event::Start(Tag::List(start)) => {
                lists.push(start);
                let tag = if start.is_some() {
                    "<ol class=\"verbatim\">\n"
                } else {
                    "<ul class=\"verbatim\">\n"
                };
                vec![Event::Html(CowStr::Borrowed(tag))]
            }
            Event::End(TagEnd::List(ordered)) => {
                lists.pop();
                vec![Event::Html(CowStr::Borrowed(if ordered {
                    "</ol>\n"
                } else {
                    "</ul>\n"
                }))]
            }
            Event::Start(Tag::Item) => {
                let marker = match lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}. ");
                        *n += 1;
                        m
                    }
                    _ => "- ".to_string(),
                };
                pending = Some(marker);
                vec![Event::Start(Tag::Item)]
            }
            other => vec![sanitize(other)],
        };
        out
    });
    let mut out = String::with_capacity(markdown.len() * 5 / 4);
    html::push_html(&mut out, events);
    out
}

fn sanitize(ev: Event<'_>) -> Event<'_> {
    match ev {
        Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        other => other,
    }
}

fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let lower = url.trim().to_ascii_lowercase();
    let scheme_end = lower.find(':');
    let path_start = lower.find(['/', '?', '#']);
    let has_scheme = match (scheme_end, path_start) {
        (Some(c), Some(p)) => c < p,
        (Some(_), None) => true,
        _ => false,
    };
    if !has_scheme
        || lower.starts_with("http:")
        || lower.starts_with("https:")
        || lower.starts_with("mailto:")
    {
        url
    } else {
        CowStr::Borrowed("#")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_escaped() {
        let h = to_html("Xin chào <script>alert(1)</script> **đậm**");
        assert!(!h.contains("<script>"), "{h}");
        assert!(h.contains("&lt;script&gt;"), "{h}");
        assert!(h.contains("<strong>đậm</strong>"), "{h}");
    }

    #[test]
    fn dangerous_links_are_neutralised() {
        let h = to_html("[a](javascript:alert(1)) [b](https://example.org) [c](../x/)");
        assert!(!h.contains("javascript:"), "{h}");
        assert!(h.contains("https://example.org"));
        assert!(h.contains("../x/"));
    }

    #[test]
    fn list_markers_stay_as_printed() {
        let h = to_html("1. Mục đích\n2. Yêu cầu\n\n- Báo cáo tháng\n");
        assert!(h.contains("<li>1. Mục đích</li>"), "{h}");
        assert!(h.contains("<li>2. Yêu cầu</li>"), "{h}");
        assert!(h.contains("<li>- Báo cáo tháng</li>"), "{h}");
        let loose = to_html("- Báo cáo tháng: trước ngày 9.\n\n- Báo cáo năm.\n");
        assert!(loose.contains("<li>\n<p>- Báo cáo tháng"), "{loose}");
    }

    #[test]
    fn footnotes_render() {
        let h = to_html("Văn bản[^1].\n\n[^1]: Kế hoạch số 24-KH/TU.\n");
        assert!(h.contains("Kế hoạch số 24-KH/TU"), "{h}");
        assert!(h.contains("footnote"), "{h}");
    }
}
