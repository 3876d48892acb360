//! The YAML parsers' own words (libyaml's through serde_yaml, yaml-rust2's in the span pass), said
//! in Indonesian for T001. They come as English phrases from a fixed set; each is replaced whole,
//! longest first, so a message never mixes the two languages for a phrase this table knows.

/// English phrase, Indonesian phrase. Longer phrases that contain shorter ones come first.
const PHRASES: &[(&str, &str)] = &[
    ("did not find expected ',' or ']'", "tidak ada ',' atau ']' yang seharusnya ada"),
    ("did not find expected ',' or '}'", "tidak ada ',' atau '}' yang seharusnya ada"),
    ("expected ',' or ']'", "seharusnya ada ',' atau ']'"),
    ("expected ',' or '}'", "seharusnya ada ',' atau '}'"),
    ("did not find expected '-' indicator", "tidak ada tanda '-' yang seharusnya ada"),
    ("did not find expected key", "tidak ada kunci yang seharusnya ada"),
    ("did not find expected node content", "tidak ada isi yang seharusnya ada"),
    ("did not find expected <document start>", "tidak ada awal dokumen"),
    ("did not find expected <document-start>", "tidak ada awal dokumen"),
    ("did not find expected <stream-start>", "tidak ada awal berkas"),
    ("did not find expected alphabetic or numeric character", "seharusnya ada huruf atau angka"),
    ("did not find expected whitespace or line break", "seharusnya ada spasi atau akhir baris"),
    ("did not find expected comment or line break", "seharusnya ada komentar atau akhir baris"),
    ("did not find expected hexadecimal number", "seharusnya ada bilangan heksadesimal"),
    ("did not find expected next token", "tidak ada bagian berikutnya yang seharusnya ada"),
    ("could not find expected ':'", "tidak ada ':' yang seharusnya ada"),
    ("mapping values are not allowed in this context", "`kunci: nilai` tidak boleh di sini (periksa indentasi, atau beri tanda kutip pada teks yang memuat ': ')"),
    ("mapping keys are not allowed in this context", "kunci tidak boleh di sini"),
    ("block sequence entries are not allowed in this context", "butir daftar `- …` tidak boleh di sini (periksa indentasi)"),
    ("found character that cannot start any token", "ada karakter yang tidak boleh mengawali nilai (Tab, @ atau `?)"),
    ("found unexpected end of stream", "berkas berakhir sebelum waktunya (tanda kutip atau kurung belum ditutup?)"),
    ("found unexpected document indicator", "ada penanda dokumen (--- atau ...) di tempat yang salah"),
    ("found unknown escape character", "ada karakter escape (\\) yang tidak dikenal"),
    ("found invalid Unicode character escape code", "kode escape Unicode tidak sah"),
    ("found a tab", "ada karakter Tab"),
    ("found unexpected ':'", "ada ':' di tempat yang salah"),
    ("found duplicated anchor", "anchor (&) yang sama dipakai dua kali"),
    ("found unknown anchor", "alias (*) menunjuk anchor yang tidak ada"),
    ("invalid indentation", "indentasi tidak sah"),
    ("duplicate entry with key", "kunci dipakai dua kali:"),
    ("while parsing a flow sequence", "saat membaca daftar dalam [ ]"),
    ("while parsing a flow mapping", "saat membaca pemetaan dalam { }"),
    ("while parsing a block mapping", "saat membaca pemetaan `kunci: nilai`"),
    ("while parsing a block collection", "saat membaca daftar `- …`"),
    ("while parsing a block node", "saat membaca sebuah nilai"),
    ("while parsing a flow node", "saat membaca sebuah nilai dalam kurung"),
    ("while parsing a node", "saat membaca sebuah nilai"),
    ("while parsing node", "saat membaca sebuah nilai"),
    ("while parsing anchor", "saat membaca anchor (&)"),
    ("while parsing a quoted scalar", "saat membaca teks bertanda kutip"),
    ("while scanning a quoted scalar", "saat membaca teks bertanda kutip"),
    ("while scanning a simple key", "saat membaca sebuah kunci"),
    ("while scanning a plain scalar", "saat membaca teks"),
    ("while scanning a block scalar", "saat membaca teks blok (| atau >)"),
    ("while scanning an anchor or alias", "saat membaca anchor atau alias"),
    ("while scanning an anchor", "saat membaca anchor (&)"),
    ("while scanning an alias", "saat membaca alias (*)"),
    ("while scanning a verbatim tag", "saat membaca tag (!)"),
    ("while scanning a tag", "saat membaca tag (!)"),
    ("while parsing a tag", "saat membaca tag (!)"),
    ("while scanning a directive", "saat membaca direktif (%)"),
    ("while scanning for the next token", "saat mencari bagian berikutnya"),
    ("bytes that are not UTF-8", "byte yang bukan UTF-8"),
    ("a NUL byte (binary file?)", "byte NUL (berkas biner?)"),
];

/// `detail` with every phrase this table knows said in Indonesian.
pub(crate) fn in_indonesian(detail: &str) -> String {
    let mut out = detail.to_string();
    for (en, id) in PHRASES {
        if out.contains(en) {
            out = out.replace(en, id);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parser_phrases_are_said_in_indonesian() {
        let said = in_indonesian("did not find expected ',' or ']', while parsing a flow sequence");
        assert_eq!(
            said,
            "tidak ada ',' atau ']' yang seharusnya ada, saat membaca daftar dalam [ ]"
        );
        let said = in_indonesian("mapping values are not allowed in this context");
        assert!(!said.contains("mapping"), "{said}");
    }

    #[test]
    fn longer_phrases_come_before_the_shorter_ones_inside_them() {
        for (i, (en, _)) in PHRASES.iter().enumerate() {
            for (later, _) in &PHRASES[i + 1..] {
                assert!(
                    !later.contains(en) || later == en,
                    "`{later}` contains `{en}` and must come first"
                );
            }
        }
    }
}
