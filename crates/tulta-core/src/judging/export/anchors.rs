//! The journal anchors a published ranking carries, read back for `verify --jejak` (spec §10).

/// The anchors a published ranking file carries: JSON `"jejak"`, the `jejak:…` tokens of Markdown,
/// those of an XLSX footer (its shared strings), or the JSON block of an HTML page (spec §12).
pub fn read_anchors_from(bytes: &[u8]) -> Option<crate::judging::Anchors> {
    if bytes.starts_with(b"PK") {
        use std::io::Read;
        let mut book = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
        let mut text = String::new();
        for name in ["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"] {
            if let Ok(mut f) = book.by_name(name) {
                // A footer is a few hundred bytes; a bomb stops here.
                f.by_ref().take(64 << 20).read_to_string(&mut text).ok()?;
            }
        }
        return read_anchors(&text.replace(['<', '>'], " "));
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

/// The anchors a published ranking carries: JSON `"jejak"`, or `jejak:…` tokens (Markdown, text).
pub fn read_anchors(text: &str) -> Option<crate::judging::Anchors> {
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(text) {
        let map = v.get("jejak")?.as_object()?;
        return map
            .iter()
            .map(|(j, a)| {
                Some((
                    j.clone(),
                    (
                        usize::try_from(a.get("baris")?.as_u64()?).ok()?,
                        a.get("hash")?.as_str()?.to_string(),
                    ),
                ))
            })
            .collect();
    }
    let mut out = crate::judging::Anchors::new();
    for token in text.split(|c: char| c.is_whitespace() || c == '`' || c == '|') {
        let Some(rest) = token.strip_prefix("jejak:") else {
            continue;
        };
        let mut parts = rest.split(':');
        let (Some(j), Some(n), Some(h)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let n: usize = n.parse().ok()?;
        if h.len() != 64 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        // Judges' notes travel in the same file: a note shaped like an anchor must not pass for
        // (or replace) the real one. Two different anchors for one judge read as none.
        let anchor = (n, h.to_string());
        match out.get(j) {
            Some(there) if *there != anchor => return None,
            _ => {
                out.insert(j.to_string(), anchor);
            }
        }
    }
    (!out.is_empty()).then_some(out)
}
