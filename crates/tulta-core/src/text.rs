//! Text from files on its way to a terminal, a document or a spreadsheet. A title or a judge's
//! name is the author's to choose; what it must not choose is what the reader's terminal does
//! (clear the screen, set the clipboard, ring) or what the reader's spreadsheet computes.

use std::borrow::Cow;

/// `s` with every control character shown as its Unicode picture (ESC as `␛`, BEL as `␇`,
/// newline as `␊`), DEL as `␡`, and the C1 controls (which some terminals obey like ESC
/// sequences) as `�`. Everything a terminal would act on becomes something it only draws.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(picture).collect())
}

fn picture(c: char) -> char {
    match c {
        '\0'..='\x1f' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\x7f' => '\u{2421}',
        c if c.is_control() => '\u{fffd}',
        c => c,
    }
}

/// A CSV cell that a spreadsheet will not run as a formula: text starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading `'` (the usual defence, OWASP's). Only text
/// goes through here; numbers are written as numbers.
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{s}")),
        _ => Cow::Borrowed(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_pictures_and_plain_text_is_untouched() {
        assert_eq!(printable("a\x1b[2Jb\x07"), "a␛[2Jb␇");
        assert_eq!(printable("\x1b]52;c;aGk=\x07"), "␛]52;c;aGk=␇");
        assert_eq!(printable("x\u{9b}31m\x7f"), "x\u{fffd}31m␡");
        assert_eq!(printable("line\nnext\ttab"), "line␊next␉tab");
        assert!(matches!(printable("Dinas Kesehatan — ✓"), Cow::Borrowed(_)));
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
