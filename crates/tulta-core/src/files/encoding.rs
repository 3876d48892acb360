//! Text files as Windows editors save them (spec §11 "Text files"): UTF-8 with or without a
//! byte-order mark, lines ending in LF or CRLF, all read as the same text, so a line and a column
//! count what an editor shows, never the mark or the CR. UTF-16 (Notepad's "Unicode") and legacy
//! code pages are refused with a way out (T008). The one decision for every text file tulta reads
//! (risalah, lomba, rubrik, settings), made on the bytes once they are read.

use crate::diag::Pos;
use crate::i18n::Lang;
use std::borrow::Cow;

/// Why a file's bytes are not UTF-8 text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotUtf8 {
    /// UTF-16, by its byte-order mark or by the zero bytes ASCII letters get in it.
    Utf16 { big_endian: bool },
    /// Bytes that are not UTF-8 (a legacy code page such as Windows-1252), the first at `pos`.
    Legacy { pos: Pos, byte: u8 },
    /// Not text at all (a picture, an archive): bytes that are not UTF-8 and a NUL, the first
    /// NUL at `pos`. No editor's text holds one, whatever its code page.
    Binary { pos: Pos },
}

/// The first bytes a UTF-8 byte-order mark takes.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text of a file's bytes: the UTF-8 mark dropped and every CRLF read as LF. Borrowed when
/// there was neither.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, NotUtf8> {
    if let Some(big_endian) = utf16(bytes) {
        return Err(NotUtf8::Utf16 { big_endian });
    }
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (end, binary) = match memchr::memchr(0, bytes) {
            Some(nul) => (nul, true),
            None => (e.valid_up_to(), false),
        };
        let good = lossy(&bytes[..end]);
        let pos = crate::format::pos_at_byte(&good, good.len());
        if binary {
            NotUtf8::Binary { pos }
        } else {
            NotUtf8::Legacy {
                pos,
                byte: bytes[e.valid_up_to()],
            }
        }
    })?;
    Ok(if text.contains("\r\n") {
        Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(text)
    })
}

/// What [`decode`] would give, with each byte that is not UTF-8 shown as `�`: the lines a
/// finding about such a file quotes. Nothing for UTF-16, which would be all `�`.
pub fn lossy(bytes: &[u8]) -> String {
    if utf16(bytes).is_some() {
        return String::new();
    }
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    String::from_utf8_lossy(bytes).replace("\r\n", "\n")
}

/// `Some(big_endian)` when `bytes` look like UTF-16: a byte-order mark, or (Notepad can save
/// without one) a zero in every other byte of the first line's worth, as ASCII text has there.
fn utf16(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => return Some(false),
        [0xFE, 0xFF, ..] => return Some(true),
        _ => {}
    }
    let head = &bytes[..bytes.len().min(64) & !1];
    if head.len() < 4 {
        return None;
    }
    let zeros_at = |odd: usize| {
        head.iter()
            .skip(odd)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let pairs = head.len() / 2;
    // Most of one half zero and none of the other: ASCII in UTF-16. A file that merely holds
    // a NUL somewhere is not taken for UTF-16 (it is reported as the binary it is).
    match (zeros_at(0), zeros_at(1)) {
        (0, odd) if odd * 4 >= pairs * 3 => Some(false),
        (even, 0) if even * 4 >= pairs * 3 => Some(true),
        _ => None,
    }
}

impl NotUtf8 {
    /// What the finding says (T008): what the file is, and how to save it as UTF-8.
    pub fn text(&self, lang: Lang) -> String {
        let how = lang.pick(
            "simpan ulang sebagai UTF-8: di Notepad pilih File › Simpan Sebagai, Pengodean \
             \"UTF-8\"; di editor lain pilih pengodean UTF-8",
            "save it again as UTF-8: in Notepad choose File › Save As, Encoding \"UTF-8\"; in \
             another editor choose the UTF-8 encoding",
        );
        match (self, lang) {
            (NotUtf8::Utf16 { big_endian }, Lang::Id) => format!(
                "berkas bukan UTF-8, melainkan UTF-16{} (\"Unicode\" di Notepad); {how}",
                if *big_endian { " BE" } else { "" }
            ),
            (NotUtf8::Utf16 { big_endian }, Lang::En) => format!(
                "the file is not UTF-8 but UTF-16{} (Notepad's \"Unicode\"); {how}",
                if *big_endian { " BE" } else { "" }
            ),
            (NotUtf8::Legacy { byte, .. }, Lang::Id) => format!(
                "berkas bukan UTF-8 (byte 0x{byte:02X} di sini; mungkin ANSI/Windows-1252); {how}"
            ),
            (NotUtf8::Legacy { byte, .. }, Lang::En) => format!(
                "the file is not UTF-8 (byte 0x{byte:02X} here; perhaps ANSI/Windows-1252); {how}"
            ),
            (NotUtf8::Binary { .. }, Lang::Id) => "berkas biner, bukan teks (ada byte NUL)".into(),
            (NotUtf8::Binary { .. }, Lang::En) => {
                "a binary file, not text (it holds a NUL byte)".into()
            }
        }
    }

    /// Where the finding points: the bad byte, or the start of a UTF-16 file.
    pub fn pos(&self) -> Pos {
        match self {
            NotUtf8::Utf16 { .. } => Pos::START,
            NotUtf8::Legacy { pos, .. } | NotUtf8::Binary { pos } => *pos,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        out.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    #[test]
    fn a_mark_and_crlf_read_as_plain_utf8() {
        assert_eq!(decode(b"a: 1\nb: 2\n").as_deref(), Ok("a: 1\nb: 2\n"));
        assert!(matches!(decode(b"a: 1\n"), Ok(Cow::Borrowed(_))));
        assert_eq!(
            decode(b"\xEF\xBB\xBFa: 1\r\nb: \xC3\xA9\r\n").as_deref(),
            Ok("a: 1\nb: é\n")
        );
        // A lone CR is not a line end an editor of today writes; it stays what it is.
        assert_eq!(decode(b"a\rb").as_deref(), Ok("a\rb"));
    }

    #[test]
    fn utf16_is_known_with_or_without_its_mark() {
        let text = "format: risalah/1\nid: x\n";
        assert_eq!(
            decode(&utf16le(text, true)),
            Err(NotUtf8::Utf16 { big_endian: false })
        );
        assert_eq!(
            decode(&utf16le(text, false)),
            Err(NotUtf8::Utf16 { big_endian: false })
        );
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&be), Err(NotUtf8::Utf16 { big_endian: true }));
        // One NUL in UTF-8 text is not UTF-16.
        assert!(decode(b"format: risalah/1\n\0id: x\n").is_ok());
    }

    #[test]
    fn a_legacy_code_page_points_at_its_first_byte_as_an_editor_counts() {
        // "Café" in Windows-1252, on the second line, after a mark and a CRLF.
        let err = decode(b"\xEF\xBB\xBFa: 1\r\nb: Caf\xE9\r\n").unwrap_err();
        assert_eq!(
            err,
            NotUtf8::Legacy {
                pos: Pos { line: 2, column: 7 },
                byte: 0xE9
            }
        );
        assert!(err.text(Lang::En).contains("UTF-8"));
        assert!(err.text(Lang::Id).contains("Simpan Sebagai"));
    }
}
