//! Minutes (*protokoll*) written in Markdown, checked and rendered as safe
//! HTML.
//!
//! Rendering goes Markdown → HTML (pulldown-cmark) → safe list (ammonia).
//! The HTML parser inside ammonia spends time in proportion to the square
//! of how deeply elements nest, so 40 kB of nested list items took seconds
//! and blocked the server. [`check`] refuses such documents in linear time,
//! and [`render`] only renders what `check` accepts, so every document
//! renders in milliseconds.
//!
//! What counts as nesting: every list (a list inside a list item is one
//! level deeper), block quote, emphasis, strong text, strike-through, link,
//! image and HTML element that is open at a point of the document. Raw
//! HTML in the minutes is kept as before (what the safe list allows), but
//! it is rewritten first so that it cannot leave elements open across the
//! Markdown around it: an element opened in a paragraph, list item or quote
//! is closed where that ends, an end tag only closes an element opened in
//! the same place, and comments and unfinished tags are dropped. That keeps
//! the nesting the HTML parser sees within what [`check`] counted.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// The longest minutes accepted, in bytes of UTF-8 (about 40 pages of
/// text; a long meeting's minutes are a tenth of that).
pub const MAX_BYTES: usize = 100_000;

/// How deeply minutes may nest (see the module documentation for what
/// counts). Real minutes stay within five: a list in a list in a list with
/// a bold word and a link.
pub const MAX_DEPTH: usize = 10;

/// Why minutes were refused. [`MinutesError::code`] gives the stable code
/// that the web layer words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MinutesError {
    /// The text is longer than `max_bytes` bytes (`too-long`).
    #[error("the minutes are longer than {max_bytes} bytes")]
    TooLong {
        /// The limit, [`MAX_BYTES`].
        max_bytes: usize,
    },
    /// Lists, quotes, emphasis or HTML nest more than `max_depth` levels
    /// deep, first on line `line` (1-based) (`too-deep`).
    #[error("line {line} nests more than {max_depth} levels deep")]
    TooDeep {
        /// The limit, [`MAX_DEPTH`].
        max_depth: usize,
        /// The first line (counted from 1) where the nesting is too deep.
        line: usize,
    },
}

impl MinutesError {
    /// The stable code for the form and the API: `too-long` or `too-deep`.
    pub fn code(self) -> &'static str {
        match self {
            MinutesError::TooLong { .. } => "too-long",
            MinutesError::TooDeep { .. } => "too-deep",
        }
    }
}

/// Checks that minutes can be rendered quickly: at most [`MAX_BYTES`] long
/// and nested at most [`MAX_DEPTH`] deep. Stops at the first problem; its
/// time grows with the length of the text, not with how deeply it nests.
pub fn check(md: &str) -> Result<(), MinutesError> {
    prepare(md).map(drop)
}

/// Minutes in Markdown as safe HTML, once [`check`] accepts them. Tags and
/// attributes outside a safe list are removed (scripts with their content,
/// event handlers, `javascript:` links, frames, styles); links get
/// `rel="noopener noreferrer nofollow"`; headings move two levels down, so
/// that the minutes' own `#` sits under the page's "Protokoll" heading.
pub fn render(md: &str) -> Result<String, MinutesError> {
    let events = prepare(md)?;
    let mut raw = String::with_capacity(md.len() + md.len() / 2);
    html::push_html(&mut raw, events.into_iter());
    Ok(sanitizer().clean(&raw).to_string())
}

/// The safe list: ammonia's defaults, links marked as not endorsed.
fn sanitizer() -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::default();
    builder.link_rel(Some("noopener noreferrer nofollow"));
    builder
}

fn options() -> Options {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Whether a Markdown element is one level of nesting. Paragraphs, list
/// items, headings, tables and code blocks add at most a fixed number of
/// HTML elements around what they hold, so they do not count.
fn is_level(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::List(_)
            | Tag::BlockQuote(_)
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

/// The 1-based line of a byte offset.
fn line_of(md: &str, offset: usize) -> usize {
    let end = offset.min(md.len());
    1 + md.as_bytes()[..end].iter().filter(|b| **b == b'\n').count()
}

fn too_deep(line: usize) -> MinutesError {
    MinutesError::TooDeep {
        max_depth: MAX_DEPTH,
        line,
    }
}

/// The one pass behind [`check`] and [`render`]: parses, counts nesting,
/// demotes headings and rewrites raw HTML. `check` and `render` cannot
/// disagree because both are this function.
fn prepare(md: &str) -> Result<Vec<Event<'_>>, MinutesError> {
    if md.len() > MAX_BYTES {
        return Err(MinutesError::TooLong { max_bytes: MAX_BYTES });
    }
    let allowed = sanitizer().clone_tags();
    let mut raw = RawHtml::new(&allowed);
    let mut out = Vec::new();
    // For each open Markdown element: whether it is a level.
    let mut open: Vec<bool> = Vec::new();
    let mut levels = 0;
    let mut images = 0;
    // The text of the HTML block being read, and where it starts.
    let mut block: Option<(String, usize)> = None;
    for (event, range) in Parser::new_ext(md, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::HtmlBlock) => block = Some((String::new(), range.start)),
            Event::End(TagEnd::HtmlBlock) => {
                let (text, start) = block.take().unwrap_or_default();
                let mut html = String::new();
                raw.rewrite(&text, open.len(), levels, &mut html)
                    .map_err(|at| too_deep(line_of(md, start) + line_of(&text, at) - 1))?;
                out.push(Event::Start(Tag::HtmlBlock));
                out.push(Event::Html(html.into()));
                out.push(Event::End(TagEnd::HtmlBlock));
            }
            Event::Html(text) if block.is_some() => {
                if let Some((buffer, _)) = block.as_mut() {
                    buffer.push_str(&text);
                }
            }
            Event::Html(text) | Event::InlineHtml(text) if images == 0 => {
                let mut html = String::new();
                raw.rewrite(&text, open.len(), levels, &mut html)
                    .map_err(|_| too_deep(line_of(md, range.start)))?;
                out.push(Event::InlineHtml(html.into()));
            }
            Event::Start(tag) => {
                let level = is_level(&tag);
                if level {
                    levels += 1;
                    if levels + raw.depth() > MAX_DEPTH {
                        return Err(too_deep(line_of(md, range.start)));
                    }
                }
                if matches!(tag, Tag::Image { .. }) {
                    images += 1;
                }
                open.push(level);
                out.push(Event::Start(match tag {
                    Tag::Heading {
                        level,
                        id,
                        classes,
                        attrs,
                    } => Tag::Heading {
                        level: demote(level),
                        id,
                        classes,
                        attrs,
                    },
                    other => other,
                }));
            }
            Event::End(end) => {
                // HTML opened inside this element ends with it.
                let mut html = String::new();
                raw.close_from(open.len(), &mut html);
                if !html.is_empty() {
                    out.push(Event::InlineHtml(html.into()));
                }
                if open.pop().unwrap_or(false) {
                    levels -= 1;
                }
                if matches!(end, TagEnd::Image) {
                    images -= 1;
                }
                out.push(Event::End(match end {
                    TagEnd::Heading(level) => TagEnd::Heading(demote(level)),
                    other => other,
                }));
            }
            // Inside a script or style element: its content goes, as ammonia
            // would remove it.
            _ if raw.hiding.is_some() && images == 0 => {}
            other => out.push(other),
        }
    }
    let mut html = String::new();
    raw.close_from(0, &mut html);
    if !html.is_empty() {
        out.push(Event::Html(CowStr::from(html)));
    }
    Ok(out)
}

/// Elements without content or end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
];

/// Elements removed together with their content (as ammonia does).
const HIDDEN: &[&str] = &["script", "style"];

/// For an element, the open elements that its start tag closes when one of
/// them is the innermost (`<li>` ends the previous `<li>`, and so on).
fn closed_by(name: &str) -> &'static [&'static str] {
    match name {
        "li" => &["li"],
        "dt" | "dd" => &["dt", "dd"],
        "p" => &["p"],
        "td" | "th" => &["td", "th"],
        "tr" => &["td", "th", "tr"],
        _ => &[],
    }
}

/// Rewrites the raw HTML in minutes into tags whose nesting is known: only
/// tags on the safe list, attributes re-quoted, every element opened in a
/// Markdown element closed in it, comments and unfinished tags dropped.
struct RawHtml<'a> {
    allowed: &'a HashSet<&'static str>,
    /// Open elements, innermost last, each with the number of Markdown
    /// elements open when it was opened (its context).
    open: Vec<(String, usize)>,
    /// Inside a script or style element: its name and context.
    hiding: Option<(&'static str, usize)>,
}

/// A start tag as read.
struct StartTag<'s> {
    name: String,
    attributes: Vec<(String, Option<&'s str>)>,
    /// Byte offset just after the `>`.
    end: usize,
}

impl<'a> RawHtml<'a> {
    fn new(allowed: &'a HashSet<&'static str>) -> Self {
        RawHtml {
            allowed,
            open: Vec::new(),
            hiding: None,
        }
    }

    /// How many raw HTML elements are open.
    fn depth(&self) -> usize {
        self.open.len()
    }

    /// Closes the elements opened in contexts `context` and deeper.
    fn close_from(&mut self, context: usize, out: &mut String) {
        while let Some((name, _)) = self.open.pop_if(|(_, c)| *c >= context) {
            push_end_tag(out, &name);
        }
        if self.hiding.is_some_and(|(_, c)| c >= context) {
            self.hiding = None;
        }
    }

    /// Rewrites one piece of raw HTML (an HTML block or one inline tag)
    /// read inside `context` open Markdown elements, of which `levels`
    /// count. `Err` carries the byte offset where nesting gets too deep.
    fn rewrite(&mut self, chunk: &str, context: usize, levels: usize, out: &mut String) -> Result<(), usize> {
        let bytes = chunk.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if let Some((name, _)) = self.hiding {
                match find_end_tag(chunk, i, name) {
                    Some(after) => {
                        self.hiding = None;
                        i = after;
                        continue;
                    }
                    None => return Ok(()),
                }
            }
            let Some(lt) = chunk[i..].find('<').map(|k| i + k) else {
                out.push_str(&chunk[i..]);
                break;
            };
            out.push_str(&chunk[i..lt]);
            let next = bytes.get(lt + 1).copied();
            if chunk[lt..].starts_with("<!--") {
                // A comment: dropped (ammonia drops them too).
                i = chunk[lt + 2..]
                    .find("-->")
                    .map_or(bytes.len(), |k| lt + 2 + k + 3);
            } else if next == Some(b'/') && bytes.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) {
                let name_end = tag_name_end(bytes, lt + 2);
                let name = chunk[lt + 2..name_end].to_ascii_lowercase();
                match chunk[name_end..].find('>') {
                    Some(k) => {
                        self.end(&name, context, out);
                        i = name_end + k + 1;
                    }
                    None => i = bytes.len(),
                }
            } else if next.is_some_and(|c| c.is_ascii_alphabetic()) {
                match read_start_tag(chunk, lt) {
                    Some(tag) => {
                        i = tag.end;
                        self.start(&tag, context, levels, out).map_err(|()| lt)?;
                    }
                    // An unfinished tag would swallow the Markdown after it.
                    None => i = bytes.len(),
                }
            } else if matches!(next, Some(b'!' | b'?' | b'/')) {
                // A declaration, processing instruction or bogus comment.
                i = chunk[lt..].find('>').map_or(bytes.len(), |k| lt + k + 1);
            } else {
                out.push_str("&lt;");
                i = lt + 1;
            }
        }
        Ok(())
    }

    fn start(
        &mut self,
        tag: &StartTag<'_>,
        context: usize,
        levels: usize,
        out: &mut String,
    ) -> Result<(), ()> {
        let name = tag.name.as_str();
        if let Some(hidden) = HIDDEN.iter().find(|h| **h == name) {
            self.hiding = Some((*hidden, context));
            return Ok(());
        }
        if !self.allowed.contains(name) {
            // Not on the safe list: ammonia would remove the tag and keep
            // what it holds, so the tag goes now.
            return Ok(());
        }
        let closes = closed_by(name);
        while let Some((closed, _)) = self
            .open
            .pop_if(|(open, c)| *c == context && closes.contains(&open.as_str()))
        {
            push_end_tag(out, &closed);
        }
        if !VOID.contains(&name) {
            if levels + self.open.len() + 1 > MAX_DEPTH {
                return Err(());
            }
            self.open.push((tag.name.clone(), context));
        }
        out.push('<');
        out.push_str(name);
        for (attribute, value) in &tag.attributes {
            out.push(' ');
            out.push_str(attribute);
            if let Some(value) = value {
                out.push_str("=\"");
                out.push_str(&value.replace('"', "&quot;"));
                out.push('"');
            }
        }
        out.push('>');
        Ok(())
    }

    /// An end tag closes an element opened in the same context, and every
    /// element opened inside it; otherwise it is dropped.
    fn end(&mut self, name: &str, context: usize, out: &mut String) {
        let found = self
            .open
            .iter()
            .rev()
            .take_while(|(_, c)| *c == context)
            .position(|(open, _)| open == name);
        if let Some(from_top) = found {
            for _ in 0..=from_top {
                if let Some((closed, _)) = self.open.pop() {
                    push_end_tag(out, &closed);
                }
            }
        }
    }
}

fn push_end_tag(out: &mut String, name: &str) {
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

/// Where a tag name that starts at `from` ends.
fn tag_name_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
        .map_or(bytes.len(), |k| from + k)
}

/// Reads a start tag at `lt` (the `<`); `None` when it does not end in
/// this piece of text.
fn read_start_tag(chunk: &str, lt: usize) -> Option<StartTag<'_>> {
    let bytes = chunk.as_bytes();
    let name_end = tag_name_end(bytes, lt + 1);
    let name = chunk[lt + 1..name_end].to_ascii_lowercase();
    let mut attributes = Vec::new();
    let mut i = name_end;
    loop {
        while bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
        {
            i += 1;
        }
        match bytes.get(i)? {
            b'>' => {
                return Some(StartTag {
                    name,
                    attributes,
                    end: i + 1,
                });
            }
            _ => {
                let start = i;
                while bytes
                    .get(i)
                    .is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'/' | b'>' | b'='))
                    || (i == start && bytes.get(i) == Some(&b'='))
                {
                    i += 1;
                }
                let attribute = &chunk[start..i];
                while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                let mut value = None;
                if bytes.get(i) == Some(&b'=') {
                    i += 1;
                    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                        i += 1;
                    }
                    match bytes.get(i)? {
                        quote @ (b'"' | b'\'') => {
                            let close = chunk[i + 1..].find(*quote as char)? + i + 1;
                            value = Some(&chunk[i + 1..close]);
                            i = close + 1;
                        }
                        _ => {
                            let start = i;
                            while bytes
                                .get(i)
                                .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>')
                            {
                                i += 1;
                            }
                            value = Some(&chunk[start..i]);
                        }
                    }
                }
                let plain = !attribute.is_empty()
                    && attribute
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'));
                if plain {
                    attributes.push((attribute.to_ascii_lowercase(), value));
                }
            }
        }
    }
}

/// After the end tag `</name ...>` found from `from` on (any case), or
/// `None` when this piece of text does not have one.
fn find_end_tag(chunk: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = chunk.as_bytes();
    let mut i = from;
    while let Some(k) = chunk[i..].find("</") {
        let at = i + k + 2;
        let after = at + name.len();
        if bytes
            .get(at..after)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && bytes
                .get(after)
                .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
        {
            return Some(chunk[after..].find('>').map_or(bytes.len(), |k| after + k + 1));
        }
        i = at;
    }
    None
}

/// Minutes that cannot be rendered within the limits (stored before the
/// limits existed), as escaped plain text in a `<pre>`: readable, inert and cheap.
pub fn plain(md: &str) -> String {
    let mut out = String::with_capacity(md.len() + 32);
    out.push_str("<pre class=\"minutes-plain\">");
    for c in md.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out.push_str("</pre>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        render(md).unwrap_or_else(|e| panic!("{md:?} was refused: {e}"))
    }

    /// `"  ".repeat(i) + "- x\n"` for `i` in `0..n`: each item one list deeper.
    fn nested_list(n: usize) -> String {
        (0..n).map(|i| "  ".repeat(i) + "- x\n").collect()
    }

    /// How deeply elements nest in rendered HTML (ammonia's output: every
    /// non-void element has an end tag, attribute values are quoted).
    fn html_depth(html: &str) -> usize {
        let (mut depth, mut max) = (0usize, 0);
        let mut rest = html;
        while let Some(lt) = rest.find('<') {
            rest = &rest[lt + 1..];
            let gt = rest.find('>').unwrap_or(rest.len());
            let tag = &rest[..gt];
            if tag.starts_with('/') {
                depth = depth.saturating_sub(1);
            } else {
                let name = tag.split([' ', '/']).next().unwrap_or("");
                if !VOID.contains(&name) {
                    depth += 1;
                    max = max.max(depth);
                }
            }
            rest = &rest[gt.min(rest.len())..];
        }
        max
    }

    #[test]
    fn scripts_come_out_inert() {
        let out = html(
            "# Protokoll\n\n<script>alert('x')</script>\n\n[länk](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n**Beslut:** budget",
        );
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("alert"), "the script's text goes too: {out}");
        assert!(!out.contains("javascript:"), "{out}");
        assert!(!out.contains("onerror"), "{out}");
        assert!(out.contains("<img src=\"x\">"), "{out}");
        assert!(out.contains("<strong>Beslut:</strong>"), "{out}");
    }

    #[test]
    fn inline_scripts_styles_and_handlers_come_out_inert() {
        let out = html(
            "Före <script>alert(1)</script> efter <STYLE>p{}</STYLE> och <a href=\"javascript:alert(2)\" onclick='x()'>länk</a> <iframe src=x></iframe> <b onmouseover=alert(3)>fet</b>",
        );
        for bad in [
            "script",
            "alert",
            "style",
            "p{}",
            "javascript",
            "onclick",
            "iframe",
            "onmouseover",
        ] {
            assert!(!out.contains(bad), "{bad} in {out}");
        }
        assert!(out.contains("Före") && out.contains("efter"), "{out}");
        assert!(out.contains("<b>fet</b>"), "{out}");
    }

    #[test]
    fn an_unclosed_script_hides_to_the_end_of_its_block() {
        let out = html("Text <script>alert(1)\n\nNästa stycke");
        assert!(!out.contains("alert"), "{out}");
        assert!(out.contains("Nästa stycke"), "{out}");
        let out = html("<script>\nalert(1)\n\nNästa stycke");
        assert!(!out.contains("alert") && !out.contains("Nästa"), "{out}");
    }

    #[test]
    fn headings_move_two_levels_down() {
        let out = html("# Ett\n\n## Två\n\n### Tre\n\n#### Fyra\n\n###### Sex\n");
        assert_eq!(
            out,
            "<h3>Ett</h3>\n<h4>Två</h4>\n<h5>Tre</h5>\n<h6>Fyra</h6>\n<h6>Sex</h6>\n"
        );
    }

    #[test]
    fn links_are_marked_as_not_endorsed() {
        let out = html("Se [kommunen](https://heby.se) och <https://uppsala.se>.");
        assert!(
            out.contains("<a href=\"https://heby.se\" rel=\"noopener noreferrer nofollow\">kommunen</a>"),
            "{out}"
        );
        assert!(
            out.contains(
                "<a href=\"https://uppsala.se\" rel=\"noopener noreferrer nofollow\">https://uppsala.se</a>"
            ),
            "{out}"
        );
    }

    #[test]
    fn legitimate_minutes_render_as_before() {
        let md = "# Styrgruppsmöte\n\n\
                  ## § 1 Mötets öppnande\n\n\
                  Ordföranden öppnade mötet. Närvarande:\n\n\
                  - Förvaltningen\n  \
                    - Socialtjänsten\n    \
                      - Anna Andersson, *enhetschef*\n    \
                      - Bo Berg\n  \
                    - Förskolan\n\
                  - Regionen: **barnhälsovården**\n\n\
                  | Verksamhet | Timmar |\n\
                  |:-----------|-------:|\n\
                  | BVC        | 40     |\n\
                  | Öppen förskola | 20 |\n\n\
                  Beslut enligt [riktlinjen](https://example.se/riktlinje) och ~~inte~~ budget.\n";
        let out = html(md);
        assert!(
            out.starts_with("<h3>Styrgruppsmöte</h3>\n<h4>§ 1 Mötets öppnande</h4>"),
            "{out}"
        );
        assert!(
            out.contains(
                "<ul>\n<li>Förvaltningen\n<ul>\n<li>Socialtjänsten\n<ul>\n<li>Anna Andersson, <em>enhetschef</em></li>\n<li>Bo Berg</li>\n</ul>\n</li>\n<li>Förskolan</li>\n</ul>\n</li>\n<li>Regionen: <strong>barnhälsovården</strong></li>\n</ul>"
            ),
            "{out}"
        );
        assert!(out.contains("<table><thead><tr><th"), "{out}");
        assert!(out.contains(">Öppen förskola</td>"), "{out}");
        assert!(
            out.contains(
                "<a href=\"https://example.se/riktlinje\" rel=\"noopener noreferrer nofollow\">riktlinjen</a>"
            ),
            "{out}"
        );
        assert!(out.contains("<del>inte</del>"), "{out}");
        assert_eq!(out, legacy_render(md), "same HTML as the renderer it replaces");
    }

    /// The renderer the web layer used before, for comparison.
    fn legacy_render(md: &str) -> String {
        let events = Parser::new_ext(md, options()).map(|event| match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => Event::Start(Tag::Heading {
                level: demote(level),
                id,
                classes,
                attrs,
            }),
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(level))),
            other => other,
        });
        let mut raw = String::new();
        html::push_html(&mut raw, events);
        sanitizer().clean(&raw).to_string()
    }

    #[test]
    fn ordinary_raw_html_renders_as_before() {
        for md in [
            "Text med <u>understruket</u>, <b>fet</b> och<br>radbrytning.",
            "<div>\n\n- en lista i en div\n\n</div>\n",
            "<details>\n<summary>Bilaga</summary>\n\nInnehåll.\n\n</details>\n",
            "<table><tr><td>a</td><td>b</td></tr></table>\n",
            "<ul>\n<li>utan sluttaggar\n<li>som HTML tillåter\n</ul>\n\nSedan text.",
            "<dl><dt>BVC<dd>Barnavårdscentral<dt>MVC<dd>Mödravård</dl>\n",
            "<p>Ett stycke\n<p>Ett till\n",
            "<!-- en kommentar -->\nText efter.",
            "<div class=\"a\"\n  title='flera rader'>\nInnehåll\n</div>\n",
            "Pil -> och 3 < 4 & 5 > 2.",
            "<img src=\"bild.png\" alt='Bild \"citat\"'>",
        ] {
            assert_eq!(html(md), legacy_render(md), "{md:?}");
        }
    }

    #[test]
    fn a_hostile_deeply_nested_list_is_refused_at_its_line() {
        let md = nested_list(200);
        assert!(md.len() > 40_000, "{} bytes", md.len());
        assert_eq!(
            check(&md),
            Err(MinutesError::TooDeep {
                max_depth: MAX_DEPTH,
                line: MAX_DEPTH + 1
            })
        );
        assert_eq!(render(&md), check(&md).map(|()| String::new()));
        // The same on one line, 20 000 lists deep: this took ten seconds to
        // render before there was a check.
        let md = "\n\n".to_string() + &"- ".repeat(20_000) + "x\n";
        assert_eq!(
            check(&md),
            Err(MinutesError::TooDeep {
                max_depth: MAX_DEPTH,
                line: 3
            })
        );
    }

    #[test]
    fn nesting_up_to_the_limit_is_accepted() {
        assert_eq!(check(&nested_list(MAX_DEPTH)), Ok(()));
        let out = html(&nested_list(MAX_DEPTH));
        assert_eq!(out.matches("<ul>").count(), MAX_DEPTH);
        assert_eq!(
            check(&nested_list(MAX_DEPTH + 1)),
            Err(MinutesError::TooDeep {
                max_depth: MAX_DEPTH,
                line: MAX_DEPTH + 1
            })
        );
    }

    #[test]
    fn every_kind_of_nesting_counts() {
        let deep = MAX_DEPTH + 1;
        let quotes = ">".repeat(40_000) + " x\n";
        let mixed = "> - ".repeat(deep) + "x\n";
        let emphasis = "text\n\n".to_string() + &"*a ".repeat(deep) + "b" + &" c*".repeat(deep);
        let divs = "Först\n\n".to_string() + &"<div>".repeat(8_000);
        let spans = "x <span>".repeat(deep);
        for (md, line) in [
            (quotes.as_str(), 1),
            (mixed.as_str(), 1),
            (emphasis.as_str(), 3),
            (divs.as_str(), 3),
            (spans.as_str(), 1),
        ] {
            assert_eq!(
                check(md),
                Err(MinutesError::TooDeep {
                    max_depth: MAX_DEPTH,
                    line
                }),
                "{:?}",
                &md[..md.len().min(60)]
            );
        }
        // Markdown and HTML nesting add up.
        let both = "- a\n  - b\n    - <span><span>".to_string() + &"<b>".repeat(MAX_DEPTH - 5) + "x";
        assert_eq!(check(&both), Ok(()));
        assert!(check(&(both + "<i>y")).is_err());
    }

    #[test]
    fn the_line_counts_from_one_inside_html_blocks() {
        let md = "Rad ett\n\n<div>\n<div>\n".to_string() + &"<div>\n".repeat(MAX_DEPTH);
        assert_eq!(
            check(&md),
            Err(MinutesError::TooDeep {
                max_depth: MAX_DEPTH,
                line: 3 + MAX_DEPTH
            })
        );
    }

    #[test]
    fn too_long_minutes_are_refused() {
        let at_limit = "a".repeat(MAX_BYTES);
        assert_eq!(check(&at_limit), Ok(()));
        let over = "a".repeat(MAX_BYTES + 1);
        assert_eq!(check(&over), Err(MinutesError::TooLong { max_bytes: MAX_BYTES }));
        assert_eq!(render(&over), Err(MinutesError::TooLong { max_bytes: MAX_BYTES }));
        // Bytes, not characters: 50 001 letters å are 100 002 bytes.
        assert!(check(&"å".repeat(MAX_BYTES / 2 + 1)).is_err());
    }

    #[test]
    fn errors_have_stable_codes() {
        assert_eq!(MinutesError::TooLong { max_bytes: 1 }.code(), "too-long");
        assert_eq!(
            MinutesError::TooDeep {
                max_depth: 1,
                line: 1
            }
            .code(),
            "too-deep"
        );
    }

    /// Documents that try to make HTML nest deeper than `check` counted:
    /// unclosed and misnested tags, tags that swallow what follows.
    fn hostile_but_shallow() -> Vec<String> {
        let mut docs = vec![
            "<span><div></span>".repeat(5_000),
            "x <span><div></span>".repeat(5_000),
            (0..5_000).map(|i| format!("x<b id={i}>y\n\n")).collect(),
            "x <b>".repeat(5_000),
            "<a><b>".repeat(5_000),
            "<b><i></b></i>".repeat(5_000),
            "<table><td>".repeat(5_000),
            "<ul><li>".repeat(5_000),
            "<p><b>".repeat(5_000),
            "<div>\n\n> </div>\n\n".repeat(3_000),
            "> > > <!--\n\n<div>-->\n\n".repeat(3_000),
            "> > <b title=\"\n\n\">x\n\n".repeat(3_000),
            "> > <script>\n\n</script>\n\n".repeat(3_000),
            "> - <textarea>\n\n</textarea><div>\n\n".repeat(3_000),
            "<svg><![CDATA[ > </div> ]]>".repeat(3_000),
            "* <li><div>x\n".repeat(5_000),
            "| <div> | <b> |\n|-|-|\n".to_string() + &"| <div> | <b> |\n".repeat(5_000),
            "*a <div> b* ".repeat(5_000),
            "<em>".repeat(5_000),
        ];
        docs.push("<div title=\">  </div>  \">".repeat(4_000));
        docs.push("<div a\"b><div>\"".repeat(4_000));
        docs
    }

    #[test]
    fn hostile_html_cannot_nest_deeper_than_was_counted() {
        for md in hostile_but_shallow() {
            let md = &md[..md.len().min(MAX_BYTES)];
            let md = &md[..md.floor_char_boundary(md.len())];
            if let Ok(out) = render(md) {
                let depth = html_depth(&out);
                assert!(
                    depth <= 2 * MAX_DEPTH + 8,
                    "{depth} deep from {:?}",
                    &md[..md.len().min(60)]
                );
            }
        }
    }

    #[test]
    fn check_and_render_agree() {
        let mut docs = hostile_but_shallow();
        docs.extend([
            nested_list(MAX_DEPTH),
            nested_list(MAX_DEPTH + 1),
            "*[".repeat(40_000),
        ]);
        for md in &docs {
            assert_eq!(check(md), render(md).map(drop), "{:?}", &md[..md.len().min(60)]);
        }
    }

    #[test]
    fn html_depth_counts_what_it_should() {
        assert_eq!(html_depth("<p>a<br><b>b</b><i><u>c</u></i></p>"), 3);
        assert_eq!(html_depth("<a href=\"x\" rel=\"y\">z</a><img src=\"a\">"), 1);
    }
}
