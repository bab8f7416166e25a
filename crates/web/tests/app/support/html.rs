//! Reading pages the way a person does: a form field's error message, a
//! table row by its id or its header, a section under a heading, the
//! overview's class counts and a centre's verdict, and downloads.

use super::{TestApp, page_text};

/// The message shown next to one field of a form (`<p class="field-error" id="FIELD-error">`).
pub fn field_error(html: &str, field: &str) -> Option<String> {
    let marker = format!("id=\"{field}-error\"");
    let at = html.find(&marker)?;
    let start = at + html[at..].find('>')? + 1;
    let end = start + html[start..].find('<')?;
    Some(page_text(&html[start..end]))
}

/// The part of a page from the element with this id to the end of its table row.
pub fn row_with_id<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no element {id}"));
    let end = html[at..].find("</tr>").map(|e| at + e).unwrap_or(html.len());
    &html[at..end]
}

/// The texts of the `<td>` cells of the table row headed `<th scope="row">NAME</th>`.
pub fn row_cells(html: &str, name: &str) -> Vec<String> {
    let marker = format!("<th scope=\"row\">{name}</th>");
    let at = html.find(&marker).unwrap_or_else(|| panic!("no row {name}"));
    let rest = &html[at + marker.len()..];
    let rest = &rest[..rest.find("</tr>").unwrap_or(rest.len())];
    rest.split("<td>")
        .skip(1)
        .map(|cell| page_text(&cell[..cell.find("</td>").unwrap_or(cell.len())]))
        .collect()
}

/// The level a row shows for a governance signal (`data-signal="..." data-level="..."`).
pub fn level_in(row: &str, signal: &str) -> String {
    let key = format!("data-signal=\"{signal}\" data-level=\"");
    let at = row.find(&key).unwrap_or_else(|| panic!("no {signal} in {row}")) + key.len();
    row[at..at + row[at..].find('"').unwrap()].to_string()
}

/// The part of a page under an `<h2>` heading, to the end of its section.
pub fn section<'a>(html: &'a str, heading: &str) -> &'a str {
    let at = html
        .find(&format!(">{heading}</h2>"))
        .unwrap_or_else(|| panic!("no section {heading}"));
    let end = html[at..]
        .find("</section>")
        .map(|e| at + e)
        .unwrap_or(html.len());
    &html[at..end]
}

/// The counts of the overview's summary, by class code (`familjecentral`, ..., `undetermined`).
pub fn class_counts(html: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<li class=\"badge class-") {
        rest = &rest[at + "<li class=\"badge class-".len()..];
        let code = rest[..rest.find('"').unwrap_or(0)].to_string();
        let n_at = rest.find("<strong>").map(|i| i + "<strong>".len()).unwrap_or(0);
        let n_end = rest[n_at..].find('<').map(|i| n_at + i).unwrap_or(n_at);
        out.push((code, rest[n_at..n_end].trim().parse().unwrap_or(usize::MAX)));
    }
    out
}

/// The count of one class in the overview's summary.
pub fn class_count(html: &str, code: &str) -> usize {
    class_counts(html)
        .into_iter()
        .find(|(c, _)| c == code)
        .map_or(0, |(_, n)| n)
}

/// The text of a centre page's verdict badge.
pub fn verdict(html: &str) -> String {
    let at = html
        .find("<p class=\"verdict\">")
        .expect("verdict on the centre page");
    let rest = &html[at..];
    page_text(&rest[..rest.find("</p>").unwrap_or(rest.len())])
}

/// A download: status, content type, content disposition and the body's bytes.
#[derive(Debug)]
pub struct Download {
    /// HTTP status.
    pub status: u16,
    /// `Content-Type`.
    pub content_type: String,
    /// `Content-Disposition`.
    pub disposition: String,
    /// The body.
    pub bytes: Vec<u8>,
}

/// The lines of a CSV download, without the byte-order mark.
pub fn csv_lines(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    text.trim_start_matches('\u{feff}')
        .lines()
        .map(str::to_string)
        .collect()
}

impl TestApp {
    /// GETs a file.
    pub async fn download(&self, client: &reqwest::Client, path: &str) -> Download {
        let res = client.get(self.url(path)).send().await.unwrap();
        let header = |name: &str| {
            res.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_string()
        };
        let (content_type, disposition) = (header("content-type"), header("content-disposition"));
        let status = res.status().as_u16();
        Download {
            status,
            content_type,
            disposition,
            bytes: res.bytes().await.unwrap().to_vec(),
        }
    }
}

/// Children 0–6, the number of centres and children per centre in the
/// access table's row for a municipality (or `Hela regionen`).
pub fn access_numbers(html: &str, name: &str) -> [String; 3] {
    let r = row_cells(html, name);
    [r[1].clone(), r[3].clone(), r[4].clone()]
}
