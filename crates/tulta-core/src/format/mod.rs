//! Everything that reads YAML: limits, parsing, positions, and the mapping onto the model. Nothing
//! outside this module sees a parser or a `Value`, so the parser could change here alone: one
//! yaml-rust2 pass (`load`) now builds serde_yaml's `Value`, which the readers (`read`) walk, and the
//! span map; serde_yaml itself reads only the app's settings, into structs.

pub mod load;
pub(crate) mod read;
pub mod settings;
pub mod spans;
pub mod template;

use crate::diag::{Finding, Loc, Msg, Pos};
use crate::model::lomba::Lomba;
use crate::model::risalah::Risalah;
use crate::model::rubrik::Rubrik;
use load::{Limits, Stop};
use spans::SpanMap;
use std::sync::OnceLock;

/// Files larger than this are refused unread (T007).
pub(crate) const MAX_BYTES: u64 = 5 * 1024 * 1024;
pub(crate) const MAX_DEPTH: usize = 64;
/// A risalah has a few hundred nodes; aliases may multiply that, within reason.
pub(crate) const MAX_EXPANDED_NODES: u64 = 100_000;

const LIMITS: Limits = Limits {
    max_depth: MAX_DEPTH,
    max_expanded_nodes: MAX_EXPANDED_NODES,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Risalah,
    Lomba,
    Rubrik,
}

impl Kind {
    pub const NAMES: [&'static str; 3] = ["risalah/1", "lomba/1", "rubrik/1"];

    fn parse(s: &str) -> Option<Kind> {
        match s.trim() {
            "risalah/1" => Some(Kind::Risalah),
            "lomba/1" => Some(Kind::Lomba),
            "rubrik/1" => Some(Kind::Rubrik),
            _ => None,
        }
    }
}

#[derive(Clone, Debug)]
pub enum Model {
    Risalah(Risalah),
    Lomba(Lomba),
    Rubrik(Rubrik),
}

/// One file, read as far as it could be: its text, its model (if it got that far) and what reading found.
#[derive(Debug)]
pub struct Document {
    text: String,
    pub model: Option<Model>,
    pub findings: Vec<Finding>,
    spans: OnceLock<Option<SpanMap>>,
}

impl Document {
    fn refused(text: String, finding: Finding) -> Document {
        Document {
            text,
            model: None,
            findings: vec![finding],
            spans: OnceLock::new(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn kind(&self) -> Option<Kind> {
        match self.model {
            Some(Model::Risalah(_)) => Some(Kind::Risalah),
            Some(Model::Lomba(_)) => Some(Kind::Lomba),
            Some(Model::Rubrik(_)) => Some(Kind::Rubrik),
            None => None,
        }
    }

    /// The line and column a finding points at. A document the reader found fault with keeps the
    /// span map its one pass built; any other reads its text again the first time it is asked.
    pub fn position(&self, loc: &Loc) -> Pos {
        match loc {
            Loc::At(pos) => *pos,
            Loc::Path(path, anchor) => self
                .spans
                .get_or_init(|| load::load(&self.text, LIMITS).ok().map(|l| l.spans))
                .as_ref()
                .map_or(Pos::START, |spans| spans.locate(path, *anchor)),
        }
    }
}

/// Line and column of a byte offset (columns in characters).
pub(crate) fn pos_at_byte(text: &str, offset: usize) -> Pos {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    Pos { line, column }
}

/// Byte offset of the first flow bracket nested deeper than the limit, if any: where a reader sees
/// the nesting go too deep, while the event pass may stop later on the scanner's own limit.
fn first_bracket_too_deep(text: &str) -> Option<usize> {
    let mut depth: usize = 0;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// A file with a NUL in it: binary, not text in any encoding (T001).
fn binary() -> Msg {
    Msg::Syntax {
        detail: "a NUL byte (binary file?)".into(),
    }
}

/// The document of a file refused for its size alone.
pub(crate) fn too_large(size: u64) -> Document {
    Document::refused(
        String::new(),
        Finding::at(
            Pos::START,
            Msg::TooLarge {
                bytes: size,
                limit: MAX_BYTES,
            },
        ),
    )
}

/// The document of a file that could not be read at all.
pub fn unreadable(why: crate::files::Unreadable) -> Document {
    Document::refused(String::new(), Finding::at(Pos::START, Msg::Unreadable(why)))
}

/// Reads one file's bytes as far as they go. Never panics, and stays within bounded time and memory
/// for any input: size is checked first, then nesting and aliases as the one pass meets them.
pub fn read_document(bytes: &[u8]) -> Document {
    if bytes.len() as u64 > MAX_BYTES {
        return too_large(bytes.len() as u64);
    }
    let text = match crate::files::encoding::decode(bytes) {
        Ok(t) => t.into_owned(),
        Err(crate::files::encoding::NotUtf8::Binary { pos }) => {
            let shown = crate::files::encoding::lossy(bytes);
            return Document::refused(shown, Finding::at(pos, binary()));
        }
        Err(why) => {
            let shown = crate::files::encoding::lossy(bytes);
            return Document::refused(shown, Finding::at(why.pos(), Msg::NotUtf8(why)));
        }
    };
    if let Some(offset) = text.find('\0') {
        let pos = pos_at_byte(&text, offset);
        return Document::refused(text, Finding::at(pos, binary()));
    }
    let loaded = match load::load(&text, LIMITS) {
        Ok(loaded) => loaded,
        Err(stop) => {
            let deep = |pos| {
                let pos = first_bracket_too_deep(&text).map_or(pos, |i| pos_at_byte(&text, i));
                Finding::at(pos, Msg::TooDeep { limit: MAX_DEPTH })
            };
            let finding = match stop {
                Stop::TooDeep { pos } => deep(pos),
                Stop::Syntax { pos, detail } if detail.contains("recursion limit") => deep(pos),
                Stop::TooManyAliases { pos } => Finding::at(pos, Msg::TooManyAliases),
                Stop::Syntax { pos, detail } => Finding::at(pos, Msg::Syntax { detail }),
            };
            return Document::refused(text, finding);
        }
    };
    let value = loaded.value;
    let mut doc = Document {
        text,
        model: None,
        findings: Vec::new(),
        spans: OnceLock::from(Some(loaded.spans)),
    };
    let format = match &value {
        serde_yaml::Value::Mapping(m) => m.get("format"),
        serde_yaml::Value::Null => {
            doc.findings
                .push(Finding::at(Pos::START, Msg::FormatMissing));
            return doc;
        }
        other => {
            doc.findings.push(Finding::at(
                Pos::START,
                Msg::NotAMapping {
                    found: read::describe(other),
                },
            ));
            return doc;
        }
    };
    let format_path = crate::diag::Path::root().key("format");
    let kind = match format.filter(|v| !v.is_null()) {
        None => {
            doc.findings
                .push(Finding::at(Pos::START, Msg::FormatMissing));
            return doc;
        }
        Some(v) => {
            let name = v
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| read::describe(v));
            match Kind::parse(&name) {
                Some(kind) => kind,
                None => {
                    let suggestion = crate::model::names::suggest(&name, Kind::NAMES);
                    doc.findings.push(Finding::value(
                        format_path,
                        Msg::FormatUnknown {
                            found: name,
                            suggestion,
                        },
                    ));
                    return doc;
                }
            }
        }
    };
    let mut reader = read::Reader::default();
    doc.model = match kind {
        Kind::Risalah => reader.risalah(&value).map(Model::Risalah),
        Kind::Lomba => reader.lomba(&value).map(Model::Lomba),
        Kind::Rubrik => reader.rubrik(&value).map(Model::Rubrik),
    };
    doc.findings = reader.findings;
    // Kept for every file, span maps were half again the memory of `tulta check` over 3,000
    // files (311 MB against 213 MB); most files have no finding, and the checks' rules find
    // fault with few, so those few pay for a second read instead.
    if doc.findings.is_empty() {
        doc.spans = OnceLock::new();
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_offsets_become_character_columns() {
        assert_eq!(pos_at_byte("ab\n\u{e9}x", 5), Pos { line: 2, column: 2 });
        assert_eq!(pos_at_byte("", 0), Pos::START);
    }
}
