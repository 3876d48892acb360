//! How `check` prints: rustc-style snippets for people, one JSON object for scripts.

use super::args::OutputFormat;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;
use tulta_core::check::{Checked, Diagnostic, Totals};
use tulta_core::diag::catalog;
use tulta_core::diag::Severity;
use tulta_core::i18n::Lang;

/// `tulta check -`: standard input as one file named `-`, read no further than a file may be
/// (5 MiB): a longer input, `/dev/zero` included, is T007 as a file that size would be.
pub fn stdin_file(lang: Lang) -> Result<tulta_core::files::sources::SourceFile, super::UsageError> {
    use tulta_core::files::read::{read_stream_bounded, Kind};
    let read = read_stream_bounded(std::io::stdin().lock(), Kind::Yaml.limit()).map_err(|e| {
        super::UsageError::Message(format!(
            "-: {}: {}",
            lang.pick(
                "masukan standar tidak terbaca",
                "standard input cannot be read"
            ),
            tulta_core::i18n::io_error(&e, lang)
        ))
    })?;
    Ok(tulta_core::files::sources::SourceFile {
        name: "-".into(),
        bytes: std::borrow::Cow::Owned(read.bytes),
        size: read.size,
        unreadable: None,
    })
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    berkas: &'a str,
    baris: usize,
    kolom: usize,
    tingkat: &'static str,
    kode: &'static str,
    pesan: String,
}

/// What one checked file leaves of itself: its findings as output, and their count. The file's
/// document is forgotten once this is made.
pub struct Piece {
    text: String,
    totals: Totals,
}

/// One file's findings as `check` prints them. JSON is the contract of
/// docs/schemas/check.schema.json: `{"versi", "berkas": N, "temuan": [{berkas, baris, kolom,
/// tingkat, kode, pesan}]}`; `tingkat` is `galat`, `peringatan` or `info` whatever the language,
/// `pesan` is in the user's language (scripts filter on `kode`). One finding a line, so it can be
/// written as files are checked.
pub fn piece(c: &Checked, format: OutputFormat, lang: Lang, styled: bool) -> Piece {
    let mut text = String::new();
    for d in &c.diagnostics {
        match format {
            OutputFormat::Human => {
                text.push_str(&human_one(&c.name, c.doc.text(), d, lang, styled));
                text.push_str("\n\n");
            }
            OutputFormat::Json => {
                let finding = JsonFinding {
                    berkas: &c.name,
                    baris: d.pos.line,
                    kolom: d.pos.column,
                    tingkat: match d.severity() {
                        Severity::Error => "galat",
                        Severity::Warning => "peringatan",
                        Severity::Info => "info",
                    },
                    kode: d.code().as_str(),
                    pesan: d.message(lang),
                };
                if let Ok(line) = serde_json::to_string(&finding) {
                    text.push_str(&tulta_core::text::json_escaped(line));
                    text.push('\n');
                }
            }
        }
    }
    Piece {
        text,
        totals: Totals::of(std::slice::from_ref(c)),
    }
}

/// The totals of many pieces.
pub fn totals(pieces: &[Piece]) -> Totals {
    pieces.iter().fold(Totals::default(), |mut t, p| {
        t.files += p.totals.files;
        t.errors += p.totals.errors;
        t.warnings += p.totals.warnings;
        t.infos += p.totals.infos;
        t
    })
}

/// The whole output from the pieces of `files` files, in order.
pub fn finish(pieces: &[Piece], files: usize, format: OutputFormat, lang: Lang) -> String {
    let mut out = String::new();
    match format {
        OutputFormat::Human => {
            for p in pieces {
                out.push_str(&p.text);
            }
            let mut t = totals(pieces);
            t.files = files;
            out.push_str(&closing(&t, lang));
        }
        OutputFormat::Json => {
            out.push_str(&format!(
                "{{\"versi\": {}, \"berkas\": {files}, \"temuan\": [",
                tulta_core::JSON_VERSION
            ));
            let lines: Vec<&str> = pieces.iter().flat_map(|p| p.text.lines()).collect();
            if !lines.is_empty() {
                out.push_str("\n  ");
                out.push_str(&lines.join(",\n  "));
                out.push('\n');
            }
            out.push_str("]}");
        }
    }
    out.push('\n');
    out
}

fn level(severity: Severity, lang: Lang) -> Level<'static> {
    match (severity, lang) {
        (Severity::Error, Lang::En) => Level::ERROR,
        (Severity::Warning, Lang::En) => Level::WARNING,
        (Severity::Info, Lang::En) => Level::INFO,
        (Severity::Error, Lang::Id) => Level::ERROR.with_name(Some("galat")),
        (Severity::Warning, Lang::Id) => Level::WARNING.with_name(Some("peringatan")),
        (Severity::Info, Lang::Id) => Level::INFO.with_name(Some("info")),
    }
}

/// The byte range of the token at `column` (1-based, in characters) of `line`.
fn token_range(line: &str, column: usize) -> std::ops::Range<usize> {
    let start = line
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    let rest = &line[start..];
    let mut end = start;
    let mut in_quote: Option<char> = None;
    for (i, c) in rest.char_indices() {
        match in_quote {
            Some(q) if c == q && i > 0 => {
                end = start + i + c.len_utf8();
                break;
            }
            Some(_) => end = start + i + c.len_utf8(),
            None if i == 0 && (c == '"' || c == '\'') => {
                in_quote = Some(c);
                end = start + c.len_utf8();
            }
            None if matches!(c, ',' | '}' | ']' | '#') || (c == ':' && i > 0) => break,
            None => end = start + i + c.len_utf8(),
        }
    }
    let token = line[start..end].trim_end();
    start..(start + token.len()).max(start)
}

/// Line `n` (1-based) as YAML counts lines: a lone CR breaks a line too.
fn source_line(text: &str, n: usize) -> Option<&str> {
    let index = n.checked_sub(1)?;
    if text.contains('\r') {
        let mut rest = text;
        for _ in 0..index {
            let end = rest.find(['\n', '\r'])?;
            let skip = if rest[end..].starts_with("\r\n") {
                2
            } else {
                1
            };
            rest = &rest[end + skip..];
        }
        Some(rest.split(['\n', '\r']).next().unwrap_or(""))
    } else {
        text.lines().nth(index)
    }
}

/// One diagnostic as rustc would print it, with the hint as a footer.
pub fn human_one(name: &str, text: &str, d: &Diagnostic, lang: Lang, styled: bool) -> String {
    let message = d.message(lang);
    let code = d.code();
    let title = level(d.severity(), lang)
        .primary_title(message)
        .id(code.as_str());
    let line_text = source_line(text, d.pos.line);
    let mut report: Vec<Group> = Vec::new();
    let origin = format!("{name}:{}:{}", d.pos.line, d.pos.column);
    if let Some(line_text) = line_text {
        let range = token_range(line_text, d.pos.column);
        report.push(
            Group::with_title(title).element(
                Snippet::source(line_text)
                    .line_start(d.pos.line)
                    .path(name)
                    .annotation(AnnotationKind::Primary.span(range)),
            ),
        );
    } else {
        report.push(Group::with_title(title).element(annotate_snippets::Origin::path(origin)));
    }
    if let Some(hint) = catalog::hint(code, lang) {
        report.push(Group::with_title(
            Level::HELP
                .with_name(Some(lang.pick("saran", "hint")))
                .secondary_title(hint),
        ));
    }
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    renderer.render(&report)
}

pub fn closing(t: &Totals, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "{} berkas diperiksa: {} galat, {} peringatan, {} info",
            t.files, t.errors, t.warnings, t.infos
        ),
        Lang::En => format!(
            "{} file{} checked: {} error{}, {} warning{}, {} info",
            t.files,
            if t.files == 1 { "" } else { "s" },
            t.errors,
            if t.errors == 1 { "" } else { "s" },
            t.warnings,
            if t.warnings == 1 { "" } else { "s" },
            t.infos
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_ranges_cover_the_value() {
        let line = "        total: 90";
        assert_eq!(&line[token_range(line, 16)], "90");
        let line = "  - {label: \"A, B\", nilai: 4}";
        assert_eq!(&line[token_range(line, 13)], "\"A, B\"");
        assert_eq!(&line[token_range(line, 28)], "4");
        assert_eq!(source_line("a\rb\r\nc", 2), Some("b"));
        assert_eq!(source_line("a\rb\r\nc", 3), Some("c"));
        assert_eq!(source_line("a\nb", 3), None);
        let line = "judul: x";
        assert_eq!(&line[token_range(line, 1)], "judul");
    }
}
