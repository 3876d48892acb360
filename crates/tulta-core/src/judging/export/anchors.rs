//! The anchors a published ranking carries, read back for `verify --jejak` (spec §10, §11): each
//! judge's journal line count and last hash, the rules fingerprint, and the coordinator journal's
//! anchor. They live where the judges' words cannot: JSON's `"jejak"` member, Markdown's fenced
//! ```` ```jejak ```` block (a note is always one table cell or list item, never a line of its
//! own), an XLSX's custom document property `jejak` (notes are cells), and an HTML page's one
//! JSON block (spec §12; every name and note on the page is escaped).

use crate::judging::Anchors;

/// The name of the Markdown block and of the XLSX property holding the anchors.
pub(super) const BLOCK: &str = "jejak";

/// What a published ranking says it was computed from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Published {
    /// Each judge's anchor (lines, hash of the last one).
    pub juri: Anchors,
    /// The rules fingerprint (third edition; older files have none).
    pub aturan: Option<String>,
    /// The coordinator journal's anchor, when it had one.
    pub koordinator: Option<(usize, String)>,
}

/// The anchors of a published ranking file: JSON, Markdown, XLSX or HTML (by its bytes).
pub fn read_anchors_from(bytes: &[u8]) -> Option<Published> {
    if bytes.starts_with(b"PK") {
        use std::io::Read;
        let mut book = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
        let mut text = String::new();
        let f = book.by_name("docProps/custom.xml").ok()?;
        // A few hundred bytes; a bomb stops here.
        f.take(1 << 20).read_to_string(&mut text).ok()?;
        return tokens(&xml_property(&text, BLOCK)?);
    }
    let text = String::from_utf8_lossy(bytes);
    // An HTML page or berita acara: the one block of its own, never the page's other text.
    if text
        .trim_start()
        .get(..9)
        .is_some_and(|h| h.eq_ignore_ascii_case("<!doctype"))
    {
        return read_anchors(super::html::anchor_block(&text)?);
    }
    read_anchors(&text)
}

/// The anchors of a JSON or Markdown ranking.
pub fn read_anchors(text: &str) -> Option<Published> {
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(text) {
        let map = v.get("jejak")?.as_object()?;
        let mut out = Published::default();
        for (k, a) in map {
            match k.as_str() {
                "aturan" => out.aturan = Some(a.as_str()?.to_string()),
                "koordinator" => out.koordinator = Some(anchor_of(a)?),
                j => {
                    out.juri.insert(j.to_string(), anchor_of(a)?);
                }
            }
        }
        return Some(out);
    }
    let fence = format!("```{BLOCK}");
    let mut blocks = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim_end() == fence);
    let (start, _) = blocks.next()?;
    if blocks.next().is_some() {
        // Two blocks: which one is the file's own cannot be told.
        return None;
    }
    let body: Vec<&str> = text
        .lines()
        .skip(start + 1)
        .take_while(|l| l.trim_end() != "```")
        .collect();
    tokens(&body.join("\n"))
}

fn anchor_of(a: &serde_json::Value) -> Option<(usize, String)> {
    Some((
        usize::try_from(a.get("baris")?.as_u64()?).ok()?,
        a.get("hash")?.as_str()?.to_string(),
    ))
}

/// `jejak:ID:LINES:SHA256` per journal (`koordinator` for the coordinator's) and `aturan:SIDIK`,
/// separated by white space. Anything else, or one judge named twice, makes the whole unreadable.
fn tokens(text: &str) -> Option<Published> {
    let mut out = Published::default();
    for token in text.split_whitespace() {
        if let Some(sidik) = token.strip_prefix("aturan:") {
            if out.aturan.replace(sidik.to_string()).is_some() {
                return None;
            }
            continue;
        }
        let rest = token.strip_prefix("jejak:")?;
        let mut parts = rest.split(':');
        let (Some(j), Some(n), Some(h), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        let n: usize = n.parse().ok()?;
        if h.len() != 64 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let anchor = (n, h.to_string());
        if j == crate::judging::amendments::KOORDINATOR {
            if out.koordinator.replace(anchor).is_some() {
                return None;
            }
        } else if out.juri.insert(j.to_string(), anchor).is_some() {
            return None;
        }
    }
    Some(out)
}

/// The text of custom property `name` in an XLSX's `docProps/custom.xml`.
fn xml_property(xml: &str, name: &str) -> Option<String> {
    let at = xml.find(&format!("name=\"{name}\""))?;
    let rest = &xml[at..];
    let open = rest.find("<vt:lpwstr>")? + "<vt:lpwstr>".len();
    let close = rest[open..].find("</vt:lpwstr>")?;
    Some(rest[open..open + close].to_string())
}
