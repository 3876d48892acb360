//! Text as people read it, shared by every output (terminal tables, screens, exports): widths in
//! terminal columns, cuts marked with an ellipsis, numbers with the language's decimal separator,
//! and the hex form of a SHA-256. And text from files on its way to a terminal, a document or a
//! spreadsheet: a title or a judge's name is the author's to choose; what it must not choose is
//! what the reader's terminal does (clear the screen, set the clipboard, ring) or what the
//! reader's spreadsheet computes.

use crate::i18n::Lang;
use crate::judging::scoring::round_to;
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

/// How many terminal columns `s` takes (a wide character takes two, a combining mark none).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` columns, marking a cut with an ellipsis.
pub fn fit(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Cuts or pads `s` to exactly `columns` columns.
pub fn pad(s: &str, columns: usize) -> String {
    let f = fit(s, columns);
    let n = width(&f);
    format!("{f}{}", " ".repeat(columns.saturating_sub(n)))
}

/// A number with exactly `places` decimals and the language's separator (Indonesian writes 4,25).
pub fn decimal(x: f64, places: usize, lang: Lang) -> String {
    let x = round_to(x, places);
    localise(format!("{x:.places$}"), lang)
}

/// A number with at most `places` decimals, trailing zeros dropped, with the language's separator.
pub fn number(x: f64, places: usize, lang: Lang) -> String {
    let x = round_to(x, places);
    let mut s = format!("{x:.places$}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" {
        s = "0".into();
    }
    localise(s, lang)
}

/// [`number`] with thousands grouped as each language writes them (`12.500.000` / `12,500,000`)
/// from five digits on, for amounts people read on screen (rupiah, hours); exports keep plain
/// numbers a spreadsheet reads.
pub fn grouped(x: f64, places: usize, lang: Lang) -> String {
    let s = number(x, places, lang);
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", s.as_str()),
    };
    let (point, sep) = match lang {
        Lang::Id => (',', '.'),
        Lang::En => ('.', ','),
    };
    let (int, frac) = match rest.split_once(point) {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    if int.len() < 5 || !int.bytes().all(|b| b.is_ascii_digit()) {
        return s;
    }
    let mut out = String::from(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push(point);
        out.push_str(f);
    }
    out
}

fn localise(s: String, lang: Lang) -> String {
    match lang {
        Lang::Id => s.replace('.', ","),
        Lang::En => s,
    }
}

/// The SHA-256 of `bytes` as 64 lower-case hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Bytes as lower-case hex digits.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// `s` with every control character shown as its Unicode picture (ESC as `␛`, BEL as `␇`,
/// newline as `␊`), DEL as `␡`, and the C1 controls (which some terminals obey like ESC
/// sequences) as `�`. Everything a terminal would act on becomes something it only draws. The
/// direction controls (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C), which reorder what a reader
/// sees around them (a name that shows as another), are shown as `�` too, in every human-readable
/// output: tables, CSV, Markdown, the summary, the screens.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() || is_direction_control(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(picture).collect())
}

/// A character that changes the direction text is shown in.
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

fn picture(c: char) -> char {
    match c {
        '\0'..='\x1f' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\x7f' => '\u{2421}',
        c if c.is_control() || is_direction_control(c) => '\u{fffd}',
        c => c,
    }
}

/// JSON text with the C1 controls (U+0080–U+009F) and the direction controls written as `\uXXXX`
/// escapes: the same JSON to a parser, but nothing a terminal obeys (U+009B opens a control
/// sequence on some) or that reorders a line when the file is shown. serde_json writes them raw,
/// and they can only stand inside strings, so each is replaced where it stands.
pub fn json_escaped(json: String) -> String {
    if !json
        .chars()
        .any(|c| ('\u{80}'..='\u{9f}').contains(&c) || is_direction_control(c))
    {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if ('\u{80}'..='\u{9f}').contains(&c) || is_direction_control(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// A CSV cell that a spreadsheet will not run as a formula: text starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading `'` (the usual defence, OWASP's). Only text
/// goes through here; numbers are written as numbers.
pub(crate) fn csv_cell(s: &str) -> Cow<'_, str> {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{s}")),
        _ => Cow::Borrowed(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_grouped_by_thousands_as_each_language_writes_them() {
        assert_eq!(grouped(12_500_000.0, 2, Lang::Id), "12.500.000");
        assert_eq!(grouped(12_500_000.0, 2, Lang::En), "12,500,000");
        assert_eq!(grouped(350_000.5, 2, Lang::Id), "350.000,5");
        assert_eq!(grouped(-98_765.25, 2, Lang::En), "-98,765.25");
        assert_eq!(grouped(2026.0, 2, Lang::Id), "2026");
        assert_eq!(grouped(7.2, 2, Lang::Id), "7,2");
        assert_eq!(
            grouped(f64::INFINITY, 2, Lang::En),
            number(f64::INFINITY, 2, Lang::En)
        );
    }

    #[test]
    fn cuts_count_columns_not_characters() {
        assert_eq!(fit("Dinas Kesehatan", 8), "Dinas K…");
        assert_eq!(fit("Dinas", 8), "Dinas");
        assert_eq!(fit("abc", 0), "");
        // Each of these takes two columns.
        assert_eq!(fit("漢字漢字", 5), "漢字…");
        assert_eq!(width(&fit("漢字漢字", 5)), 5);
        assert_eq!(pad("漢字", 6), "漢字  ");
        assert_eq!(pad("Kelurahan Sidomulyo", 10), "Kelurahan…");
    }

    #[test]
    fn numbers_as_each_language_writes_them() {
        assert_eq!(decimal(3.525, 2, Lang::Id), "3,53");
        assert_eq!(decimal(3.525, 2, Lang::En), "3.53");
        assert_eq!(number(4.50, 2, Lang::Id), "4,5");
        assert_eq!(number(-0.001, 2, Lang::En), "0");
        assert_eq!(number(12.0, 1, Lang::En), "12");
    }

    #[test]
    fn sha256_of_nothing() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn controls_become_pictures_and_plain_text_is_untouched() {
        assert_eq!(printable("a\x1b[2Jb\x07"), "a␛[2Jb␇");
        assert_eq!(printable("\x1b]52;c;aGk=\x07"), "␛]52;c;aGk=␇");
        assert_eq!(printable("x\u{9b}31m\x7f"), "x\u{fffd}31m␡");
        assert_eq!(printable("line\nnext\ttab"), "line␊next␉tab");
        assert!(matches!(printable("Dinas Kesehatan — ✓"), Cow::Borrowed(_)));
    }

    #[test]
    fn c1_and_direction_controls_are_escaped_in_json_and_read_back_the_same() {
        let value = serde_json::json!({ "opd": "a\u{9b}31m\u{202e}b" });
        let json = json_escaped(value.to_string());
        assert!(json.is_ascii(), "{json}");
        assert_eq!(json, r#"{"opd":"a\u009b31m\u202eb"}"#);
        let back: serde_json::Value = serde_json::from_str(&json).expect("json");
        assert_eq!(back, value);
        assert_eq!(printable("x\u{202e}y\u{2066}"), "x\u{fffd}y\u{fffd}");
    }

    #[test]
    fn formula_starts_are_neutralised() {
        for s in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(csv_cell(s), format!("'{s}"));
        }
        assert_eq!(csv_cell("Dinas = 1"), "Dinas = 1");
        assert_eq!(csv_cell(""), "");
    }
}
