//! Everything that reads YAML: limits, parsing, positions, and the mapping onto the model. This is
//! the one module that knows serde_yaml.

pub(crate) mod read;
pub mod settings;
pub mod spans;
pub mod template;

use crate::diag::{Finding, Loc, Msg, Pos};
use crate::model::lomba::Lomba;
use crate::model::risalah::Risalah;
use crate::model::rubrik::Rubrik;
use spans::{Limits, SpanMap, Stop};
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

    /// The line and column a finding points at. The span map is built on first use, so files with
    /// no findings are parsed once.
    pub fn position(&self, loc: &Loc) -> Pos {
        match loc {
            Loc::At(pos) => *pos,
            Loc::Path(path, anchor) => self
                .spans
                .get_or_init(|| SpanMap::build(&self.text, LIMITS).ok())
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

/// A cheap look at the raw text: could it be deeply nested or use aliases? Only such files pay for
/// the exact, event-level guard before serde_yaml sees them. It over-estimates, never under.
#[cfg(test)]
fn needs_guard(text: &str) -> bool {
    prescan(text).0
}

/// (needs the guard, byte offset of the first flow bracket nested deeper than the limit)
fn prescan(text: &str) -> (bool, Option<usize>) {
    let bytes = text.as_bytes();
    let mut flow_depth: usize = 0;
    let mut max_flow = 0;
    let mut indents: Vec<usize> = Vec::new();
    let mut max_block = 0;
    for line in text.lines() {
        let trimmed = line.trim_start_matches([' ', '-']);
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = line.len() - trimmed.len();
        let dashes = line[..indent].matches('-').count();
        while indents.last().is_some_and(|&top| top >= indent) {
            indents.pop();
        }
        indents.push(indent);
        max_block = max_block.max(indents.len() + dashes);
    }
    let mut too_deep_at = None;
    let mut alias = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'[' | b'{' => {
                flow_depth += 1;
                max_flow = max_flow.max(flow_depth);
                if flow_depth > MAX_DEPTH && too_deep_at.is_none() {
                    too_deep_at = Some(i);
                }
            }
            b']' | b'}' => flow_depth = flow_depth.saturating_sub(1),
            b'*' if bytes
                .get(i + 1)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c == b'-') =>
            {
                alias = true;
            }
            _ => {}
        }
    }
    (alias || max_flow + max_block > MAX_DEPTH / 2, too_deep_at)
}

/// serde_yaml's message without its " at line L column C" (the position is reported separately).
fn strip_location(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find(" at line ") {
        out.push_str(&rest[..i]);
        let tail = &rest[i + " at line ".len()..];
        let skip = tail
            .find(|c: char| !(c.is_ascii_digit() || c == ' ' || c.is_ascii_alphabetic()))
            .unwrap_or(tail.len());
        let after = &tail[..skip];
        if after.contains("column") {
            rest = &tail[skip..];
        } else {
            out.push_str(" at line ");
            rest = tail;
        }
    }
    out.push_str(rest);
    out
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
/// for any input: size is checked first, nesting and aliases before serde_yaml runs.
pub fn read_document(bytes: &[u8]) -> Document {
    if bytes.len() as u64 > MAX_BYTES {
        return too_large(bytes.len() as u64);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(e) => {
            let good = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
            let pos = pos_at_byte(&good, good.len());
            return Document::refused(
                good,
                Finding::at(
                    pos,
                    Msg::Syntax {
                        detail: format!("bytes that are not UTF-8 (byte {})", e.valid_up_to() + 1),
                    },
                ),
            );
        }
    };
    if text.contains('\0') {
        let offset = text.find('\0').unwrap_or(0);
        let pos = pos_at_byte(&text, offset);
        return Document::refused(
            text,
            Finding::at(
                pos,
                Msg::Syntax {
                    detail: "a NUL byte (binary file?)".into(),
                },
            ),
        );
    }
    let mut spans = OnceLock::new();
    let (suspicious, too_deep_at) = prescan(&text);
    if suspicious {
        match SpanMap::build(&text, LIMITS) {
            Ok(map) => {
                let _ = spans.set(Some(map));
            }
            Err(stop) => {
                // Point at the first bracket past the limit when the raw scan saw one: the event
                // parser may stop later, on its own recursion limit.
                let deep = |pos| {
                    let pos = too_deep_at.map_or(pos, |i| pos_at_byte(&text, i));
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
        }
    }
    let value: serde_yaml::Value = match serde_yaml::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            let message = e.to_string();
            let pos = e.location().map_or(Pos::START, |l| Pos {
                line: l.line().max(1),
                column: l.column().max(1),
            });
            let msg = if message.starts_with("recursion limit exceeded") {
                Msg::TooDeep { limit: MAX_DEPTH }
            } else if message.starts_with("repetition limit exceeded") {
                Msg::TooManyAliases
            } else {
                Msg::Syntax {
                    detail: strip_location(&message),
                }
            };
            return Document::refused(text, Finding::at(pos, msg));
        }
    };
    let mut doc = Document {
        text,
        model: None,
        findings: Vec::new(),
        spans: std::mem::take(&mut spans),
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
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_serde_yaml_positions() {
        assert_eq!(
            strip_location("did not find expected key at line 3 column 5, while parsing a block mapping at line 1 column 1"),
            "did not find expected key, while parsing a block mapping"
        );
        assert_eq!(strip_location("plain"), "plain");
    }

    #[test]
    fn byte_offsets_become_character_columns() {
        assert_eq!(pos_at_byte("ab\n\u{e9}x", 5), Pos { line: 2, column: 2 });
        assert_eq!(pos_at_byte("", 0), Pos::START);
    }

    #[test]
    fn plain_files_skip_the_guard() {
        assert!(!needs_guard(
            "format: risalah/1\nlangkah:\n  - nomor: 1\n    alat: [{a: 1}]\n"
        ));
        assert!(needs_guard("a: *b\n"));
        assert!(needs_guard(&"[".repeat(40)));
    }
}
