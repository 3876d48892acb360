//! The YAML parser's own words (yaml-rust2's, and the few serde_yaml errors the one pass keeps, see
//! `format::load`), said in Indonesian for T001. They come as English phrases from a fixed set; each is replaced whole,
//! longest first, so a message never mixes the two languages for a phrase this table knows.

/// English phrase, Indonesian phrase. Longer phrases that contain shorter ones come first.
const PHRASES: &[(&str, &str)] = &[
    ("\"-\" is only valid inside a block", "tanda \"-\" hanya boleh di luar kurung { } atau [ ] (kurung belum ditutup?)"),
    ("'-' must be followed by a valid YAML whitespace", "tanda '-' harus diikuti spasi"),
    ("':' must be followed by a valid YAML whitespace", "tanda ':' harus diikuti spasi, bukan Tab"),
    ("a block scalar content cannot start with a tab", "isi teks blok tidak boleh diawali Tab"),
    ("comments must be separated from other tokens by whitespace", "komentar (#) harus dipisahkan spasi dari teks sebelumnya"),
    ("duplicate version directive", "direktif %YAML ditulis dua kali"),
    ("found incompatible YAML document", "versi YAML dokumen tidak didukung"),
    ("illegal placement of ':' indicator", "tanda ':' di tempat yang salah"),
    ("invalid content after document end marker", "ada isi setelah penanda akhir dokumen (...)"),
    ("invalid global tag character", "karakter tag (!) tidak sah"),
    ("invalid indentation for anchor", "indentasi anchor (&) tidak sah"),
    ("invalid indentation in flow construct", "indentasi di dalam kurung { } atau [ ] tidak sah"),
    ("invalid indentation in quoted scalar", "indentasi teks bertanda kutip tidak sah"),
    ("invalid trailing content after double-quoted scalar", "ada isi setelah teks bertanda kutip ganda"),
    ("missing explicit document end marker before directive", "penanda akhir dokumen (...) tidak ada sebelum direktif (%)"),
    ("plain scalar cannot start with '-' followed by ,[]{}", "teks tidak boleh diawali '-' yang diikuti , [ ] { atau }"),
    ("simple key expect ':'", "kunci harus diikuti ':'"),
    ("simple key expected", "seharusnya ada kunci"),
    ("tabs disallowed within this context (block indentation)", "Tab tidak boleh dipakai untuk indentasi"),
    ("tabs disallowed in this context", "Tab tidak boleh di sini"),
    ("tab cannot be used as indentation", "Tab tidak boleh dipakai untuk indentasi"),
    ("the TAG directive must only be given at most once per handle in the same document", "direktif %TAG untuk handle yang sama ditulis dua kali"),
    ("the handle wasn't declared", "handle tag (!) belum dideklarasikan"),
    ("unexpected character:", "karakter tak terduga:"),
    ("unexpected eof", "berkas berakhir sebelum waktunya"),
    ("wrongly indented line in block scalar", "baris teks blok salah indentasi"),
    ("did not find URI escaped octet", "tidak ada oktet URI yang seharusnya ada"),
    ("did not find expected tag URI", "tidak ada URI tag yang seharusnya ada"),
    ("found an incorrect leading UTF-8 octet", "ada oktet UTF-8 awal yang salah"),
    ("found an incorrect trailing UTF-8 octet", "ada oktet UTF-8 lanjutan yang salah"),
    ("found an invalid UTF-8 codepoint", "ada kode UTF-8 yang tidak sah"),
    ("did not find expected digit or '.' character", "seharusnya ada angka atau '.'"),
    ("did not find expected version number", "tidak ada nomor versi yang seharusnya ada"),
    ("found extremely long version number", "nomor versi terlalu panjang"),
    ("found an indentation indicator equal to 0", "penunjuk indentasi teks blok bernilai 0"),
    ("could not find expected directive name", "tidak ada nama direktif yang seharusnya ada"),
    ("found unexpected non-alphabetical character", "ada karakter yang bukan huruf"),
    ("found unknown directive name", "nama direktif tidak dikenal"),
    ("did not find the expected '>'", "tidak ada '>' yang seharusnya ada"),
    ("did not find expected '!'", "tidak ada '!' yang seharusnya ada"),
    ("while parsing a tag directive", "saat membaca direktif %TAG"),
    ("while scanning a YAML directive", "saat membaca direktif %YAML"),
    ("while scanning TAG", "saat membaca direktif %TAG"),
    ("deserializing from YAML containing more than one document is not supported", "berkas memuat lebih dari satu dokumen (---); tulis satu dokumen saja"),
    ("duplicate entry with null key", "kunci null dipakai dua kali"),
    ("duplicate entry in YAML map", "kunci dipakai dua kali"),
    ("expected any YAML value", "bilangan di luar jangkauan"),
    ("invalid value:", "nilai tidak sah:"),
    ("invalid type:", "jenis tidak sah:"),
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
    ("a NUL byte (binary file?)", "byte NUL (berkas biner?)"),
    ("expected whitespace", "seharusnya ada spasi"),
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
